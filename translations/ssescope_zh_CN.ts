<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionPanel</name>
    <message numerus="yes">
        <source>Go offline for %n s</source>
        <comment>simulate a network outage of N seconds</comment>
        <translation>
            <numerusform>离线 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Reconnection</source>
        <translation>重连</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>事件流</translation>
    </message>
    <message>
        <source>Lifecycle log</source>
        <translation>生命周期日志</translation>
    </message>
    <message>
        <source>Delay:</source>
        <comment>where the reconnect delay came from</comment>
        <translation>延迟：</translation>
    </message>
    <message>
        <source>Server retry:</source>
        <comment>the last retry: field the server sent</comment>
        <translation>服务器 retry：</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>最近错误：</translation>
    </message>
    <message>
        <source>Last-Event-ID:</source>
        <comment>HTTP header name; usually kept as is</comment>
        <translation>Last-Event-ID：</translation>
    </message>
    <message>
        <source>Totals:</source>
        <translation>累计：</translation>
    </message>
    <message>
        <source>Simulate network drop</source>
        <translation>模拟网络断开</translation>
    </message>
    <message>
        <source>Cut connection now</source>
        <translation>立即切断连接</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>立即重连</translation>
    </message>
    <message>
        <source>Skip the countdown and attempt the next connection now</source>
        <translation>跳过倒计时，立即尝试下一次连接</translation>
    </message>
    <message>
        <source>Offline duration:</source>
        <translation>离线时长：</translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Suffix of the offline duration spin box, seconds</extracomment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Connects, drops and reconnects appear here.</source>
        <translation>连接、断开和重连记录会显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>Network offline for %n s (simulated)</source>
        <translation>
            <numerusform>网络离线 %n 秒（模拟）</numerusform>
        </translation>
    </message>
    <message>
        <source>No connection yet</source>
        <translation>尚未连接</translation>
    </message>
    <message>
        <source>No stream</source>
        <translation>无事件流</translation>
    </message>
    <message>
        <source>Connection #%1</source>
        <translation>连接 #%1</translation>
    </message>
    <message>
        <source> · up %1</source>
        <comment>uptime of the open connection, h:mm:ss</comment>
        <translation> · 已持续 %1</translation>
    </message>
    <message>
        <source>No reconnects yet</source>
        <translation>尚无重连</translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnect(s) in total</source>
        <translation>
            <numerusform>共重连 %Ln 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Attempt %1 · %2</source>
        <comment>attempt number · total reconnects</comment>
        <translation>第 %1 次尝试 · %2</translation>
    </message>
    <message>
        <source>No reconnect pending</source>
        <translation>没有待进行的重连</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒后重连</translation>
    </message>
    <message>
        <source> · offline (simulated) for %1 s more</source>
        <translation> · 模拟离线，还剩 %1 秒</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>none received</source>
        <translation>未收到</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>(none)</source>
        <comment>no Last-Event-ID</comment>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>totals: events · bytes · reconnects</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnect(s)</source>
        <translation>
            <numerusform>%Ln 次重连</numerusform>
        </translation>
    </message>
    <message>
        <source>CONNECTING</source>
        <extracomment>EventSource readyState, shown as the state badge; translated like any label</extracomment>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>OPEN</source>
        <extracomment>EventSource readyState, shown as the state badge; translated like any label</extracomment>
        <translation>已打开</translation>
    </message>
    <message>
        <source>CLOSED</source>
        <extracomment>EventSource readyState, shown as the state badge; translated like any label</extracomment>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Last resume:</source>
        <extracomment>The outcome of the last reconnect&apos;s resume (Last-Event-ID), e.g. &quot;clean&quot; or &quot;3 lost&quot;</extracomment>
        <translation>最近续传：</translation>
    </message>
    <message>
        <source>none yet</source>
        <comment>last resume</comment>
        <extracomment>No reconnect has resumed yet in this session</extracomment>
        <translation>尚无</translation>
    </message>
    <message>
        <source>After a reconnect, SSE Scope checks whether the server resumed after the Last-Event-ID: nothing lost, nothing twice.</source>
        <translation>每次重连后，SSE Scope 会检查服务器是否从 Last-Event-ID 之后继续发送：没有丢失，也没有重复。</translation>
    </message>
    <message numerus="yes">
        <source>Next problem (F8; Shift+F8 for the previous one): %n warning(s) or problem(s) in this tab</source>
        <translation>
            <numerusform>下一个问题（F8；Shift+F8 为上一个）：此标签页中有 %n 条警告或问题</numerusform>
        </translation>
    </message>
    <message>
        <source>No warnings or problems in this tab</source>
        <translation>此标签页中没有警告或问题</translation>
    </message>
    <message>
        <source> · last data %1 ago</source>
        <extracomment>The open connection has sent nothing for a while; %1 = how long (&quot;47 s&quot;)</extracomment>
        <translation> · 最后数据在 %1 前</translation>
    </message>
    <message>
        <source>Up %1</source>
        <comment>uptime of the open connection, h:mm:ss</comment>
        <translation>已持续 %1</translation>
    </message>
    <message numerus="yes">
        <source>Proxy down for %n s (refuse new connections)</source>
        <translation>
            <numerusform>代理停止服务 %n 秒（拒绝新连接）</numerusform>
        </translation>
    </message>
    <message>
        <source>No fault proxy in this window.</source>
        <translation>此窗口没有故障代理。</translation>
    </message>
    <message>
        <source>This tab does not go through the fault proxy: turn on “Via fault proxy” in the request bar (or choose it below).</source>
        <translation>此标签页不经过故障代理：请在请求栏中打开“经由故障代理”（或在下方选择）。</translation>
    </message>
    <message>
        <source>This tab has no open connection through the fault proxy right now.</source>
        <translation>此标签页目前没有经过故障代理的打开连接。</translation>
    </message>
    <message>
        <source>Connect first: the fault acts on this tab&apos;s open connection.</source>
        <translation>请先连接：故障作用于此标签页的打开连接。</translation>
    </message>
    <message>
        <source>Server-visible: the fault proxy breaks the real connection, so the server sees it too.</source>
        <translation>服务器可见：故障代理会断开真实连接，服务器也会察觉。</translation>
    </message>
    <message>
        <source>An https:// stream goes through the proxy encrypted (CONNECT), so the proxy cannot see where an event ends.</source>
        <translation>https:// 事件流以加密方式（CONNECT）经过代理，代理无法看出事件在何处结束。</translation>
    </message>
    <message>
        <source>The proxy refuses every new connection, this tab&apos;s reconnects included; open connections carry on.</source>
        <translation>代理拒绝所有新连接（包括此标签页的重连）；已打开的连接继续。</translation>
    </message>
    <message>
        <source>Cut the connection now, inside SSE Scope. The arrow offers a longer outage and server-visible faults through the fault proxy.</source>
        <translation>立即在 SSE Scope 内部切断连接。箭头菜单提供更长时间的断网，以及经由故障代理的服务器可见故障。</translation>
    </message>
    <message>
        <source>Client-side (only SSE Scope sees it)</source>
        <translation>客户端（只有 SSE Scope 察觉）</translation>
    </message>
    <message>
        <source>Server-visible (through the fault proxy)</source>
        <translation>服务器可见（经由故障代理）</translation>
    </message>
    <message>
        <source>Cut (FIN)</source>
        <translation>切断（FIN）</translation>
    </message>
    <message>
        <source>Reset (RST)</source>
        <translation>重置（RST）</translation>
    </message>
    <message>
        <source>Stall (hold both ways)</source>
        <translation>停滞（双向暂停）</translation>
    </message>
    <message>
        <source>Cut mid-event</source>
        <translation>在事件中途切断</translation>
    </message>
    <message>
        <source>Slicer (1-byte pieces)</source>
        <translation>切片（每片 1 字节）</translation>
    </message>
    <message>
        <source>Latency and more…</source>
        <translation>延迟及更多…</translation>
    </message>
    <message>
        <source>Route this tab through the fault proxy</source>
        <translation>让此标签页经由故障代理</translation>
    </message>
</context>
<context>
    <name>DemoController</name>
    <message>
        <source>Demo Server</source>
        <translation>演示服务器</translation>
    </message>
    <message>
        <source>The demo server could not start:
%1</source>
        <translation>演示服务器无法启动：
%1</translation>
    </message>
</context>
<context>
    <name>DemoServerDialog</name>
    <message>
        <source>Demo Server</source>
        <translation>演示服务器</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The demo always listens on 127.0.0.1 only.</source>
        <translation>演示服务器始终只监听 127.0.0.1。</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>间隔(&amp;I)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <extracomment>Interval 0: an event on every pass of the server&apos;s event loop, as fast as possible</extracomment>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>Events per &amp;tick:</source>
        <translation>每次发送事件数(&amp;K)：</translation>
    </message>
    <message>
        <source>P&amp;ayload:</source>
        <translation>负载(&amp;A)：</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>JSON counter</source>
        <translation>JSON 计数器</translation>
    </message>
    <message>
        <source>Tokens</source>
        <extracomment>Payload that imitates an LLM streaming tokens</extracomment>
        <translation>Token 流</translation>
    </message>
    <message>
        <source>Large (fixed size)</source>
        <translation>大负载（固定大小）</translation>
    </message>
    <message>
        <source>Payload &amp;size:</source>
        <translation>负载大小(&amp;S)：</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>&amp;Event types:</source>
        <translation>事件类型(&amp;E)：</translation>
    </message>
    <message>
        <source>message; a comma list rotates: tick,update</source>
        <translation>message；逗号分隔则轮流发送：tick,update</translation>
    </message>
    <message>
        <source>Send &amp;retry:</source>
        <translation>发送 retry(&amp;R)：</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>&amp;Drop connection every:</source>
        <translation>断开连接间隔(&amp;D)：</translation>
    </message>
    <message>
        <source> events</source>
        <translation> 个事件</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>S&amp;tall after:</source>
        <translation>停滞前发送(&amp;L)：</translation>
    </message>
    <message>
        <source>Keep the connection open but send nothing more, like a stuck proxy</source>
        <translation>保持连接但不再发送任何数据，如同卡住的代理</translation>
    </message>
    <message>
        <source>&amp;Heartbeat comment every:</source>
        <translation>心跳注释间隔(&amp;H)：</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>HTTP st&amp;atus:</source>
        <translation>HTTP 状态码(&amp;U)：</translation>
    </message>
    <message>
        <source>Retry-&amp;After:</source>
        <translation>Retry-After(&amp;F)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Sent with a non-200 status</source>
        <translation>与非 200 状态码一起发送</translation>
    </message>
    <message>
        <source>&amp;Content-Type:</source>
        <translation>Content-Type(&amp;C)：</translation>
    </message>
    <message>
        <source>Restart the demo server with these settings</source>
        <translation>用这些设置重启演示服务器</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>运行中：%1</translation>
    </message>
    <message>
        <source>Stopped. Apply starts it.</source>
        <translation>已停止。点击“应用”即可启动。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Lines longer than %1 characters are split for display; Copy copies the exact text.</source>
        <translation>超过 %1 个字符的行会拆分显示；“复制”得到的是原始文本。</translation>
    </message>
    <message>
        <source>Loading… %1 of %2</source>
        <translation>正在加载… %1 / %2</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2</source>
        <translation>显示前 %1，共 %2</translation>
    </message>
    <message>
        <source>Show All (%1)</source>
        <translation>全部显示（%1）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Sequence</source>
        <comment>dispatch counter of the connection&apos;s parser</comment>
        <translation>序号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Id</source>
        <comment>the event&apos;s own id: field</comment>
        <translation>ID</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Last-Event-ID</source>
        <translation>Last-Event-ID</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Raw size</source>
        <translation>原始大小</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Data length</source>
        <translation>数据长度</translation>
    </message>
    <message>
        <source>%1 characters, %2 lines</source>
        <translation>%1 个字符，%2 行</translation>
    </message>
    <message>
        <source>Since previous event</source>
        <translation>距上一个事件</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>(first event)</source>
        <translation>（第一个事件）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Meta</source>
        <comment>event metadata tab</comment>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Select a row to see the event in full.</source>
        <translation>选择一行以查看完整事件。</translation>
    </message>
    <message>
        <source>Reconstructed from the parsed event: comments, an explicit &quot;event: message&quot; and the original line endings are not kept.</source>
        <translation>根据解析后的事件重建：注释、显式的“event: message”以及原始换行符均未保留。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the whole text of this tab</source>
        <translation>复制此标签页的全部文本</translation>
    </message>
    <message>
        <source>This record as recordings, exports and ssescope-cli watch write it.</source>
        <translation>此记录与录制文件、导出文件和 ssescope-cli watch 写出的内容完全一致。</translation>
    </message>
    <message>
        <source>Evidence in the table: %1</source>
        <extracomment>Above a finding&apos;s details: %1 = links to the table rows it is about (&quot;#16, #18&quot;)</extracomment>
        <translation>表格中的证据：%1</translation>
    </message>
    <message>
        <source>Click a row number to select that row</source>
        <translation>点击行号可选中该行</translation>
    </message>
    <message>
        <source>Request, as sent</source>
        <extracomment>Heading above the request as it went on the wire (secret values masked)</extracomment>
        <translation>请求（实际发送）</translation>
    </message>
    <message>
        <source>Response</source>
        <extracomment>Heading above the response&apos;s status line and headers</extracomment>
        <translation>响应</translation>
    </message>
    <message>
        <source>(The headers of a response that failed the stream are not recorded.)</source>
        <translation>（导致事件流失败的响应，其响应头不会被记录。）</translation>
    </message>
    <message>
        <source>The response had no body.</source>
        <translation>该响应没有响应体。</translation>
    </message>
    <message>
        <source>Response body (the first %1)</source>
        <extracomment>Heading above a failed response&apos;s body; %1 = how much of it was kept</extracomment>
        <translation>响应体（前 %1）</translation>
    </message>
    <message>
        <source>Response body</source>
        <extracomment>Heading above a failed response&apos;s body (a 401&apos;s JSON message, …)</extracomment>
        <translation>响应体</translation>
    </message>
    <message>
        <source>No response yet.</source>
        <translation>尚无响应。</translation>
    </message>
    <message>
        <source>Then: %1</source>
        <extracomment>How the connection ended; %1 = the failure in words</extracomment>
        <translation>随后：%1</translation>
    </message>
    <message>
        <source>No response: %1</source>
        <translation>无响应：%1</translation>
    </message>
</context>
<context>
    <name>FaultProxyWindow</name>
    <message>
        <source>SSE Scope tab “%1”</source>
        <translation>SSE Scope 标签页“%1”</translation>
    </message>
    <message>
        <source>demo page relay</source>
        <translation>演示页面中继</translation>
    </message>
    <message>
        <source>the proxy stopped</source>
        <translation>代理已停止</translation>
    </message>
    <message>
        <source>the relay stopped</source>
        <translation>中继已停止</translation>
    </message>
    <message>
        <source>Down: refusing new connections on</source>
        <translation>停止服务：拒绝新连接，地址</translation>
    </message>
    <message>
        <source>Listening on</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <source>Could not start: %1</source>
        <translation>无法启动：%1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Point any client at it, e.g. %1 — or turn on “Via fault proxy” in a tab. The demo page can use it too: Tools → Open Demo Page Through Fault Proxy.</source>
        <translation>可让任何客户端使用它，例如 %1 ——或在标签页中打开“经由故障代理”。演示页面也可以使用它：工具 → 经由故障代理打开演示页面。</translation>
    </message>
    <message>
        <source>The proxy listens on 127.0.0.1 only. Port 0 picks a free one.</source>
        <translation>代理只监听 127.0.0.1。端口 0 表示自动选择空闲端口。</translation>
    </message>
    <message>
        <source>Cut Now</source>
        <translation>立即切断</translation>
    </message>
    <message>
        <source>Reset Now</source>
        <translation>立即重置</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>All connections (proxy and demo page relay)</source>
        <translation>所有连接（代理及演示页面中继）</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>全部连接</translation>
    </message>
    <message>
        <source>Demo page relay #%1: %2</source>
        <translation>演示页面中继 #%1：%2</translation>
    </message>
    <message>
        <source>#%1: %2</source>
        <translation>#%1：%2</translation>
    </message>
    <message>
        <source> (SSE Scope tab)</source>
        <translation>（SSE Scope 标签页）</translation>
    </message>
    <message>
        <source>Demo page relay: %1</source>
        <translation>演示页面中继：%1</translation>
    </message>
    <message>
        <source>Nothing to apply it to: start the proxy first.</source>
        <translation>没有可应用的对象：请先启动代理。</translation>
    </message>
    <message numerus="yes">
        <source>%1: acted on %n connection(s).</source>
        <translation>
            <numerusform>%1：已作用于 %n 个连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>In force: %1</source>
        <translation>生效中：%1</translation>
    </message>
    <message>
        <source>Not applied: connection %1 has closed.</source>
        <translation>未应用：连接 %1 已关闭。</translation>
    </message>
    <message>
        <source>Not applied: this fault does not fit that connection (%1).</source>
        <translation>未应用：此故障不适用于该连接（%1）。</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <source>Fault Proxy</source>
        <translation>故障代理</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the address; the arrow offers http_proxy=…, curl and Chromium forms</source>
        <translation>复制地址；箭头菜单提供 http_proxy=…、curl 和 Chromium 的写法</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The port to listen on when the proxy starts; Automatic picks a free one. Always on 127.0.0.1.</source>
        <translation>代理启动时监听的端口；“自动”会选择空闲端口。始终只在 127.0.0.1 上监听。</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Clear Closed</source>
        <translation>清除已关闭</translation>
    </message>
    <message>
        <source>Apply a fault</source>
        <translation>应用故障</translation>
    </message>
    <message>
        <source>&amp;Fault:</source>
        <translation>故障(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>连接(&amp;C)：</translation>
    </message>
    <message>
        <source>until removed</source>
        <translation>直到移除</translation>
    </message>
    <message>
        <source>Faults in force</source>
        <translation>生效中的故障</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove &amp;All</source>
        <translation>全部移除(&amp;A)</translation>
    </message>
</context>
<context>
    <name>FaultText</name>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Bandwidth limit</source>
        <translation>带宽限制</translation>
    </message>
    <message>
        <source>Stall</source>
        <comment>network fault: nothing moves, the connection stays open</comment>
        <translation>停滞</translation>
    </message>
    <message>
        <source>Slicer</source>
        <comment>network fault: bytes arrive in tiny pieces</comment>
        <translation>切片</translation>
    </message>
    <message>
        <source>Close after bytes</source>
        <translation>按字节数关闭</translation>
    </message>
    <message>
        <source>Cut mid-event</source>
        <translation>在事件中途切断</translation>
    </message>
    <message>
        <source>Slow close</source>
        <translation>延迟关闭</translation>
    </message>
    <message>
        <source>Down</source>
        <comment>network fault: the proxy refuses new connections</comment>
        <translation>停止服务</translation>
    </message>
    <message>
        <source>Cut (FIN)</source>
        <translation>切断（FIN）</translation>
    </message>
    <message>
        <source>Reset (RST)</source>
        <translation>重置（RST）</translation>
    </message>
    <message>
        <source>Every chunk is delayed by the latency, plus or minus the jitter; order is kept.</source>
        <translation>每个数据块都延迟指定的时间，并加减抖动；顺序保持不变。</translation>
    </message>
    <message>
        <source>At most this many bytes per second get through.</source>
        <translation>每秒最多通过这么多字节。</translation>
    </message>
    <message>
        <source>Nothing is read or forwarded and both sockets stay open: the half-open case. Only an idle timeout or a heartbeat check notices.</source>
        <translation>不读取也不转发任何数据，两端套接字保持打开：即半开连接的情况。只有空闲超时或心跳检查能发现。</translation>
    </message>
    <message>
        <source>Bytes are forwarded in pieces of 1 to N bytes, each sent on its own, with a delay between them.</source>
        <translation>数据被切成 1 到 N 字节的小片逐片发送，片与片之间有延迟。</translation>
    </message>
    <message>
        <source>After this many more bytes, both sides are closed (FIN).</source>
        <translation>再传输这么多字节后，关闭两端（FIN）。</translation>
    </message>
    <message>
        <source>The stream is forwarded until an event is half delivered, then both sides are closed: the client holds half an event. Plain HTTP only.</source>
        <translation>事件流一直转发到某个事件只送达一半时，然后关闭两端：客户端手中只有半个事件。仅适用于明文 HTTP。</translation>
    </message>
    <message>
        <source>When the sender closes, its bytes are delivered and the close waits this long.</source>
        <translation>发送方关闭后，其数据照常送达，关闭动作再等待这么久。</translation>
    </message>
    <message>
        <source>The proxy stops listening: new connections are refused, as from a service that is down. Open connections carry on.</source>
        <translation>代理停止监听：新连接被拒绝，就像服务已宕机。已打开的连接继续。</translation>
    </message>
    <message>
        <source>Now: both sides are closed with FIN, as by a server or proxy that hangs up.</source>
        <translation>立即：用 FIN 关闭两端，就像服务器或代理主动挂断。</translation>
    </message>
    <message>
        <source>Now: both sides get a TCP reset (RST), as from a crashed peer or a firewall.</source>
        <translation>立即：两端收到 TCP 重置（RST），就像对端崩溃或被防火墙拦截。</translation>
    </message>
    <message>
        <source>Downstream (server → client)</source>
        <translation>下行（服务器 → 客户端）</translation>
    </message>
    <message>
        <source>Upstream (client → server)</source>
        <translation>上行（客户端 → 服务器）</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <source>Jitter (±):</source>
        <translation>抖动（±）：</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速率：</translation>
    </message>
    <message>
        <source>Largest piece:</source>
        <translation>最大分片：</translation>
    </message>
    <message>
        <source>Delay between pieces:</source>
        <translation>分片间隔：</translation>
    </message>
    <message>
        <source>Delay before the close:</source>
        <translation>关闭前等待：</translation>
    </message>
    <message>
        <source>Close after:</source>
        <translation>关闭前传输：</translation>
    </message>
    <message>
        <source>For:</source>
        <comment>how long the proxy stays down</comment>
        <translation>持续：</translation>
    </message>
    <message>
        <source> B/s</source>
        <comment>bytes per second suffix</comment>
        <translation> 字节/秒</translation>
    </message>
    <message>
        <source> B</source>
        <comment>bytes suffix</comment>
        <translation> 字节</translation>
    </message>
    <message>
        <source> ms</source>
        <comment>milliseconds suffix</comment>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Latency %1 ± %2 ms</source>
        <translation>延迟 %1 ± %2 毫秒</translation>
    </message>
    <message>
        <source>Latency %1 ms</source>
        <translation>延迟 %1 毫秒</translation>
    </message>
    <message>
        <source>Bandwidth limit %1 B/s</source>
        <translation>带宽限制 %1 字节/秒</translation>
    </message>
    <message>
        <source>Slicer: pieces of 1–%1 B, %2 ms apart</source>
        <translation>切片：每片 1–%1 字节，间隔 %2 毫秒</translation>
    </message>
    <message>
        <source>Close after %1 B</source>
        <translation>传输 %1 字节后关闭</translation>
    </message>
    <message>
        <source>Slow close: %1 ms</source>
        <translation>延迟关闭：%1 毫秒</translation>
    </message>
    <message>
        <source>Down for %1 ms</source>
        <translation>停止服务 %1 毫秒</translation>
    </message>
    <message>
        <source>Down until removed</source>
        <translation>停止服务，直到移除</translation>
    </message>
    <message>
        <source>, downstream</source>
        <translation>，下行</translation>
    </message>
    <message>
        <source>, upstream</source>
        <translation>，上行</translation>
    </message>
    <message>
        <source>, both directions</source>
        <translation>，双向</translation>
    </message>
    <message>
        <source>, all connections</source>
        <translation>，所有连接</translation>
    </message>
    <message>
        <source>, connection %1</source>
        <translation>，连接 %1</translation>
    </message>
    <message>
        <source>HTTP</source>
        <extracomment>How a client reached the proxy: a plain http:// request it forwards</extracomment>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>CONNECT (TLS tunnel)</source>
        <translation>CONNECT（TLS 隧道）</translation>
    </message>
    <message>
        <source>TCP relay</source>
        <translation>TCP 中继</translation>
    </message>
    <message>
        <source>connecting</source>
        <comment>proxy connection state</comment>
        <translation>连接中</translation>
    </message>
    <message>
        <source>open</source>
        <comment>proxy connection state</comment>
        <translation>已打开</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>proxy connection state</comment>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Connection %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>Invalid pattern: %1</source>
        <translation>正则表达式无效：%1</translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation>正则表达式无效</translation>
    </message>
    <message>
        <source>Regular expression matched against the event data</source>
        <translation>用于匹配事件数据的正则表达式</translation>
    </message>
    <message>
        <source>Text matched against the event data, ignoring case</source>
        <translation>用于匹配事件数据的文本，不区分大小写</translation>
    </message>
    <message>
        <source>All Types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>No events yet</source>
        <translation>尚无事件</translation>
    </message>
    <message>
        <source>Show only some event types</source>
        <translation>只显示部分事件类型</translation>
    </message>
    <message numerus="yes">
        <source>%n Type(s)</source>
        <comment>event types chosen</comment>
        <translation>
            <numerusform>%n 种类型</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <comment>rows arrived while paused</comment>
        <extracomment>Badge while the table is paused: rows that arrived since</extracomment>
        <translation>
            <numerusform>新增 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter data…</source>
        <translation>过滤数据…</translation>
    </message>
    <message>
        <source>Use a regular expression</source>
        <translation>使用正则表达式</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>全部连接</translation>
    </message>
    <message>
        <source>Show the events of one connection only</source>
        <translation>只显示某一个连接的事件</translation>
    </message>
    <message>
        <source>Hide lifecycle rows</source>
        <translation>隐藏生命周期行</translation>
    </message>
    <message>
        <source>Hide the connecting, opened, error and reconnecting rows between events</source>
        <translation>隐藏事件之间的连接、打开、错误和重连行</translation>
    </message>
    <message>
        <source>Show comments</source>
        <translation>显示注释</translation>
    </message>
    <message>
        <source>Add a row for each comment line (heartbeats) received</source>
        <translation>为收到的每条注释行（心跳）添加一行</translation>
    </message>
    <message>
        <source>Pause View</source>
        <translation>暂停视图</translation>
    </message>
    <message>
        <source>Freeze the table; events are still captured and shown when you resume</source>
        <translation>冻结表格；事件仍会接收，恢复后显示</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove all rows from the table</source>
        <translation>清空表格中的所有行</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <extracomment>Filter bar: rows the filter lets through, of all rows in the table</extracomment>
        <translation>显示 %1 / %2 行</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo Server</source>
        <translation>演示服务器</translation>
    </message>
    <message>
        <source>The demo server could not start:
%1</source>
        <translation>演示服务器无法启动：
%1</translation>
    </message>
    <message>
        <source>SSE Scope</source>
        <translation>SSE Scope</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Stream</source>
        <translation>事件流(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <extracomment>Menu of UI languages; the language names themselves are never translated</extracomment>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <extracomment>Language menu entry: follow the operating system&apos;s language</extracomment>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Demo Server</source>
        <translation>演示服务器(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Tab</source>
        <translation>新建标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open Recording…</source>
        <translation>打开录制文件(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save Recording…</source>
        <translation>保存录制(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;NDJSON…</source>
        <extracomment>Export format menu entry; NDJSON = newline-delimited JSON, one record per line</extracomment>
        <translation>NDJSON(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;CSV…</source>
        <translation>CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>Simulate Network &amp;Drop</source>
        <translation>模拟网络断开(&amp;M)</translation>
    </message>
    <message>
        <source>Cut the connection now, as a network failure, and watch the reconnect</source>
        <translation>立即切断连接（模拟网络故障），观察重连过程</translation>
    </message>
    <message>
        <source>&amp;Reconnect Now</source>
        <translation>立即重连(&amp;R)</translation>
    </message>
    <message>
        <source>Skip the reconnect countdown</source>
        <translation>跳过重连倒计时</translation>
    </message>
    <message>
        <source>&amp;Pause View</source>
        <extracomment>Stops the table from scrolling; events keep being received</extracomment>
        <translation>暂停视图(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear Events</source>
        <translation>清空事件(&amp;L)</translation>
    </message>
    <message>
        <source>Hide &amp;Lifecycle Rows</source>
        <translation>隐藏生命周期行(&amp;L)</translation>
    </message>
    <message>
        <source>Show only events, without connecting/open/error/reconnect rows</source>
        <translation>只显示事件，不显示连接/打开/错误/重连行</translation>
    </message>
    <message>
        <source>&amp;Filter Events…</source>
        <translation>过滤事件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>配置(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Open Demo Stream in New Tab</source>
        <translation>在新标签页中打开演示事件流(&amp;O)</translation>
    </message>
    <message>
        <source>Copy Demo &amp;URL</source>
        <translation>复制演示 URL(&amp;U)</translation>
    </message>
    <message>
        <source>Open Demo Page in &amp;Browser</source>
        <translation>在浏览器中打开演示页面(&amp;B)</translation>
    </message>
    <message>
        <source>Compare with a real browser&apos;s EventSource on the same stream</source>
        <translation>在同一事件流上与真实浏览器的 EventSource 对比</translation>
    </message>
    <message>
        <source>&amp;About SSE Scope</source>
        <translation>关于 SSE Scope(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>New tab (%1)</source>
        <translation>新建标签页（%1）</translation>
    </message>
    <message>
        <source>Events received per second by the current tab</source>
        <translation>当前标签页每秒接收的事件数</translation>
    </message>
    <message>
        <source>Recording: %1</source>
        <translation>录制：%1</translation>
    </message>
    <message>
        <source>%1 events/s</source>
        <extracomment>Status bar: rate of received events in the current tab</extracomment>
        <translation>%1 事件/秒</translation>
    </message>
    <message>
        <source>%1 / %2 rows</source>
        <extracomment>Status bar: rows kept in the table / the retention cap (memory limit)</extracomment>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <source>The table keeps at most %1 rows to bound memory; beyond that the oldest rows are dropped from the view (exports contain only the rows kept).</source>
        <translation>为限制内存占用，表格最多保留 %1 行；超出后最早的行会从视图中移除（导出也只包含保留下来的行）。</translation>
    </message>
    <message numerus="yes">
        <source>%n oldest row(s) dropped from view</source>
        <translation>
            <numerusform>已从视图中移除最早的 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo on :%1</source>
        <extracomment>Status bar: the built-in demo server listens on this port</extracomment>
        <translation>演示服务器 :%1</translation>
    </message>
    <message>
        <source>Demo off</source>
        <translation>演示服务器已关闭</translation>
    </message>
    <message>
        <source>The demo server could not start: %1</source>
        <translation>演示服务器无法启动：%1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1</source>
        <translation>
            <numerusform>已将 %n 行写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>NDJSON recordings (*.ndjson)</source>
        <translation>NDJSON 录制文件 (*.ndjson)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Save Recording</source>
        <translation>保存录制</translation>
    </message>
    <message>
        <source>Export Events</source>
        <translation>导出事件</translation>
    </message>
    <message>
        <source>Could not write “%1”.

%2</source>
        <translation>无法写入“%1”。

%2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the recording were not valid records and were skipped.</source>
        <translation>
            <numerusform>录制文件中有 %n 行不是有效记录，已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>打开录制文件</translation>
    </message>
    <message>
        <source>NDJSON recordings (*.ndjson *.jsonl);;All files (*)</source>
        <translation>NDJSON 录制文件 (*.ndjson *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not open “%1” as a recording.

%2

A recording is an NDJSON file as written by Save Recording or ssescope-cli watch.</source>
        <translation>无法将“%1”作为录制文件打开。

%2

录制文件是由“保存录制”或 ssescope-cli watch 写出的 NDJSON 文件。</translation>
    </message>
    <message>
        <source>About SSE Scope</source>
        <translation>关于 SSE Scope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SSE Scope %1&lt;/h3&gt;&lt;p&gt;Watch and test Server-Sent Events streams: every event live, and every reconnect visible — attempt, countdown, &lt;code&gt;retry:&lt;/code&gt; and &lt;code&gt;Last-Event-ID&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Released under the MIT license.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SSE Scope %1&lt;/h3&gt;&lt;p&gt;观察和测试 Server-Sent Events 事件流：每个事件实时呈现，每次重连一目了然——尝试次数、倒计时、&lt;code&gt;retry:&lt;/code&gt; 和 &lt;code&gt;Last-Event-ID&lt;/code&gt;。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建，以 MIT 许可证发布。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Record to File…</source>
        <translation>录制到文件(&amp;R)…</translation>
    </message>
    <message>
        <source>Write this tab&apos;s stream to an NDJSON file continuously, as it arrives</source>
        <translation>将此标签页的事件流在到达时持续写入 NDJSON 文件</translation>
    </message>
    <message>
        <source>The saved settings could not be read, so SSE Scope started with defaults. The damaged file was kept as %1.</source>
        <translation>无法读取已保存的设置，SSE Scope 已使用默认设置启动。损坏的文件已保留为 %1。</translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <source>Select the next finding that is a warning or a problem in the current tab</source>
        <translation>在当前标签页中选中下一条警告或问题级别的诊断</translation>
    </message>
    <message>
        <source>P&amp;revious Problem</source>
        <translation>上一个问题(&amp;R)</translation>
    </message>
    <message>
        <source>Select the previous finding that is a warning or a problem in the current tab</source>
        <translation>在当前标签页中选中上一条警告或问题级别的诊断</translation>
    </message>
    <message numerus="yes">
        <source>The recording carries no findings; SSE Scope found %n from its records.</source>
        <translation>
            <numerusform>该录制文件不含诊断；SSE Scope 根据其记录得出了 %n 条诊断。</numerusform>
        </translation>
    </message>
    <message>
        <source>The fault proxy could not start: %1</source>
        <translation>故障代理无法启动：%1</translation>
    </message>
    <message>
        <source>Re&amp;name Tab…</source>
        <translation>重命名标签页(&amp;N)…</translation>
    </message>
    <message>
        <source>Open Demo Page &amp;Through Fault Proxy</source>
        <translation>经由故障代理打开演示页面(&amp;T)</translation>
    </message>
    <message>
        <source>The demo page in your browser, its stream through the fault proxy&apos;s relay: faults applied there reach the browser and the server alike</source>
        <translation>在浏览器中打开演示页面，其事件流经过故障代理的中继：在那里应用的故障会同时影响浏览器和服务器</translation>
    </message>
    <message>
        <source>&amp;Fault Proxy…</source>
        <translation>故障代理(&amp;F)…</translation>
    </message>
    <message>
        <source>Break real connections between any server and any client: connections, faults, the proxy&apos;s address</source>
        <translation>断开任意服务器与任意客户端之间的真实连接：连接列表、故障、代理地址</translation>
    </message>
    <message>
        <source>Rename Tab</source>
        <translation>重命名标签页</translation>
    </message>
    <message>
        <source>Name (empty: named after its URL):</source>
        <translation>名称（留空则按 URL 命名）：</translation>
    </message>
    <message>
        <source>Fault Proxy</source>
        <translation>故障代理</translation>
    </message>
    <message>
        <source>The demo page relay could not start:
%1</source>
        <translation>演示页面中继无法启动：
%1</translation>
    </message>
    <message>
        <source>Opened %1 in the browser: the demo page through the fault proxy&apos;s relay (Tools → Fault Proxy… shows its connections)</source>
        <translation>已在浏览器中打开 %1：经由故障代理中继的演示页面（工具 → 故障代理… 可查看其连接）</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Reset Column Widths</source>
        <translation>重置列宽</translation>
    </message>
    <message>
        <source>Copy Data</source>
        <translation>复制数据</translation>
    </message>
    <message>
        <source>Copy Row as JSON</source>
        <translation>以 JSON 格式复制行</translation>
    </message>
    <message>
        <source>Copy Id</source>
        <comment>the event&apos;s id: field</comment>
        <translation>复制 ID</translation>
    </message>
</context>
<context>
    <name>ProxyConnectionModel</name>
    <message>
        <source>%1 · %2</source>
        <comment>client address · which client it is</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>target (which proxy)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>state: why it closed</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Mode</source>
        <comment>how the client reached the proxy</comment>
        <translation>方式</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>↓ Down</source>
        <extracomment>Bytes from the server to the client</extracomment>
        <translation>↓ 下行</translation>
    </message>
    <message>
        <source>↑ Up</source>
        <extracomment>Bytes from the client to the server</extracomment>
        <translation>↑ 上行</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>已打开</translation>
    </message>
    <message>
        <source>Faults in force</source>
        <translation>生效中的故障</translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message>
        <source>%1/s</source>
        <comment>rate chart y-axis maximum, events per second</comment>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>now</source>
        <comment>rate chart: right end of the time axis</comment>
        <translation>现在</translation>
    </message>
    <message>
        <source>−%1 s</source>
        <comment>rate chart: left end of the time axis, seconds ago</comment>
        <translation>−%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>Events per second over the last %n second(s), newest at the right.
▼ connection dropped  ✕ error  ● reconnected</source>
        <comment>rate chart tooltip; the symbols match the markers drawn in the chart</comment>
        <translation>
            <numerusform>最近 %n 秒内每秒的事件数，最新的在右侧。
▼ 连接断开  ✕ 错误  ● 已重连</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)/s</source>
        <comment>rate chart: rate of the last complete second</comment>
        <translation>
            <numerusform>%Ln 个事件/秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <source>%1 ms</source>
        <extracomment>A duration; %1 is a number already formatted for the locale</extracomment>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Session</source>
        <comment>the first record of a recording file</comment>
        <translation>会话</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>重定向</translation>
    </message>
    <message>
        <source>Opened</source>
        <comment>connection lifecycle</comment>
        <translation>已打开</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Retry changed</source>
        <comment>server sent a retry: field</comment>
        <translation>retry 已更改</translation>
    </message>
    <message>
        <source>Comment</source>
        <comment>an SSE comment line</comment>
        <translation>注释</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>connection lifecycle</comment>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>No error</source>
        <translation>无错误</translation>
    </message>
    <message>
        <source>Invalid URL</source>
        <translation>URL 无效</translation>
    </message>
    <message>
        <source>Host not found</source>
        <translation>找不到主机</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>Server ended the stream</source>
        <translation>服务器结束了事件流</translation>
    </message>
    <message>
        <source>Connection reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS 错误</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>Redirect refused</source>
        <translation>重定向被拒绝</translation>
    </message>
    <message>
        <source>HTTP error status</source>
        <translation>HTTP 错误状态码</translation>
    </message>
    <message>
        <source>Wrong Content-Type</source>
        <extracomment>Content-Type is an HTTP header name</extracomment>
        <translation>Content-Type 不正确</translation>
    </message>
    <message>
        <source>HTTP 204: server asked to stop</source>
        <translation>HTTP 204：服务器要求停止</translation>
    </message>
    <message>
        <source>Event too large</source>
        <translation>事件过大</translation>
    </message>
    <message>
        <source>Connection cut</source>
        <translation>连接被切断</translation>
    </message>
    <message>
        <source>Network offline</source>
        <translation>网络离线</translation>
    </message>
    <message>
        <source>Gave up reconnecting</source>
        <translation>已放弃重连</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>error kind: technical detail</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>server retry: %1</source>
        <translation>服务器 retry：%1</translation>
    </message>
    <message>
        <source>user override (%1)</source>
        <translation>用户指定（%1）</translation>
    </message>
    <message>
        <source>backoff step %1 (%2)</source>
        <translation>退避第 %1 步（%2）</translation>
    </message>
    <message>
        <source>Retry-After (%1)</source>
        <extracomment>Retry-After is an HTTP header name</extracomment>
        <translation>Retry-After（%1）</translation>
    </message>
    <message>
        <source>fixed interval (%1)</source>
        <translation>固定间隔（%1）</translation>
    </message>
    <message>
        <source>browser default (%1)</source>
        <translation>浏览器默认（%1）</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Closed after a fatal error</source>
        <translation>因致命错误而关闭</translation>
    </message>
    <message>
        <source>Closed: gave up reconnecting</source>
        <translation>已关闭：放弃重连</translation>
    </message>
    <message>
        <source>Recording stopped while the stream was running</source>
        <translation>流仍在运行时停止了录制</translation>
    </message>
    <message>
        <source>Closed: event limit reached</source>
        <translation>已关闭：达到事件数上限</translation>
    </message>
    <message>
        <source>Closed: time limit reached</source>
        <translation>已关闭：达到时间上限</translation>
    </message>
    <message>
        <source>Closed: interrupted</source>
        <translation>已关闭：被中断</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <extracomment>%1 is a reason identifier from a recording, e.g. &quot;max-events&quot;</extracomment>
        <translation>已关闭：%1</translation>
    </message>
    <message>
        <source>Recorded by %1 (format %2)</source>
        <extracomment>%1 = the program that wrote a recording, %2 = its format version</extracomment>
        <translation>由 %1 录制（格式 %2）</translation>
    </message>
    <message>
        <source>Connecting #%1 to %2</source>
        <extracomment>%1 = connection number, %2 = URL</extracomment>
        <translation>连接 #%1 正在连接 %2</translation>
    </message>
    <message>
        <source>Connecting #%1 to %2 (%3)</source>
        <extracomment>%1 = connection number, %2 = URL, %3 = HTTP method</extracomment>
        <translation>连接 #%1 正在连接 %2（%3）</translation>
    </message>
    <message>
        <source>Connecting #%1 to %2, Last-Event-ID: %3</source>
        <extracomment>%1 = connection number, %2 = URL, %3 = the Last-Event-ID sent</extracomment>
        <translation>连接 #%1 正在连接 %2，Last-Event-ID：%3</translation>
    </message>
    <message>
        <source>Connecting #%1 to %2 (%3), Last-Event-ID: %4</source>
        <extracomment>%1 = connection number, %2 = URL, %3 = HTTP method, %4 = Last-Event-ID</extracomment>
        <translation>连接 #%1 正在连接 %2（%3），Last-Event-ID：%4</translation>
    </message>
    <message>
        <source>Redirected (HTTP %1) to %2</source>
        <extracomment>%1 = HTTP status (e.g. 307), %2 = the new URL</extracomment>
        <translation>已重定向（HTTP %1）到 %2</translation>
    </message>
    <message>
        <source>Open #%1: %2, %3</source>
        <extracomment>%1 = connection number, %2 = the HTTP status line (&quot;HTTP/1.1 200 OK&quot;), %3 = Content-Type</extracomment>
        <translation>连接 #%1 已打开：%2，%3</translation>
    </message>
    <message>
        <source>Server retry: %1</source>
        <translation>服务器 retry：%1</translation>
    </message>
    <message>
        <source>%1 (fatal: no reconnect)</source>
        <translation>%1（致命：不再重连）</translation>
    </message>
    <message>
        <source>Reconnect attempt %1 after %2, no Last-Event-ID</source>
        <extracomment>%1 = attempt number (&quot;2&quot;, or &quot;2 of 10&quot;), %2 = where the delay came from, with its length</extracomment>
        <translation>第 %1 次重连，等待%2，无 Last-Event-ID</translation>
    </message>
    <message>
        <source>Reconnect attempt %1 after %2, Last-Event-ID: %3</source>
        <extracomment>%1 = attempt number (&quot;2&quot;, or &quot;2 of 10&quot;), %2 = where the delay came from, %3 = Last-Event-ID</extracomment>
        <translation>第 %1 次重连，等待%2，Last-Event-ID：%3</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>写入程序</translation>
    </message>
    <message>
        <source>Format version</source>
        <translation>格式版本</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Last-Event-ID sent</source>
        <translation>已发送的 Last-Event-ID</translation>
    </message>
    <message>
        <source>Request headers</source>
        <extracomment>A heading row above the request&apos;s headers in the detail pane</extracomment>
        <translation>请求头</translation>
    </message>
    <message>
        <source>none sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Status line</source>
        <translation>状态行</translation>
    </message>
    <message>
        <source>Final URL</source>
        <translation>最终 URL</translation>
    </message>
    <message>
        <source>Response headers</source>
        <extracomment>A heading row above the response&apos;s headers in the detail pane</extracomment>
        <translation>响应头</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Id</source>
        <comment>the event&apos;s own id: field</comment>
        <translation>ID</translation>
    </message>
    <message>
        <source>Last-Event-ID</source>
        <translation>Last-Event-ID</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试间隔</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Last-Event-ID to send</source>
        <translation>将发送的 Last-Event-ID</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Reconnect attempt N of the M the policy allows before giving up</extracomment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Stream cut</source>
        <translation>流被截断</translation>
    </message>
    <message>
        <source>Connection refused by %1</source>
        <translation>%1 拒绝了连接</translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>找不到主机：%1</translation>
    </message>
    <message>
        <source>Timed out waiting for %1</source>
        <translation>等待 %1 超时</translation>
    </message>
    <message>
        <source>No Content-Type (expected text/event-stream)</source>
        <extracomment>Content-Type and text/event-stream are HTTP words; keep them as they are</extracomment>
        <translation>缺少 Content-Type（应为 text/event-stream）</translation>
    </message>
    <message>
        <source>Wrong Content-Type “%1” (expected text/event-stream)</source>
        <translation>Content-Type 错误：“%1”（应为 text/event-stream）</translation>
    </message>
    <message>
        <source>The server closed the connection without a response (%1)</source>
        <translation>服务器未发送响应就关闭了连接（%1）</translation>
    </message>
    <message>
        <source>Stream cut: the server closed the connection before the end of the body (%1)</source>
        <extracomment>%1 is the HTTP header that says the body goes on, e.g. &quot;Content-Length: 512&quot;</extracomment>
        <translation>流被截断：服务器在响应体结束前关闭了连接（%1）</translation>
    </message>
    <message>
        <source>Stream cut: the server closed the connection before the end of the body</source>
        <translation>流被截断：服务器在响应体结束前关闭了连接</translation>
    </message>
    <message>
        <source>Idle timeout: no data for %1</source>
        <translation>空闲超时：%1 内无数据</translation>
    </message>
    <message>
        <source>Event of %1 skipped: larger than the maximum event size</source>
        <translation>已跳过 %1 的事件：超过最大事件大小</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n reconnect attempt(s)</source>
        <translation>
            <numerusform>重连 %n 次后放弃</numerusform>
        </translation>
    </message>
    <message>
        <source>Network offline for %1</source>
        <translation>网络离线 %1</translation>
    </message>
    <message>
        <source>%1 (simulated)</source>
        <comment>an error caused by an injected fault</comment>
        <translation>%1（模拟）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>A duration in seconds; %1 is a number already formatted for the locale</extracomment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <extracomment>A duration; %1 = minutes, %2 = seconds, both formatted for the locale</extracomment>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>Info</source>
        <extracomment>Severity of a finding: worth knowing, nothing is wrong</extracomment>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <extracomment>Severity of a finding: hurts some clients or networks</extracomment>
        <translation>警告</translation>
    </message>
    <message>
        <source>Problem</source>
        <extracomment>Severity of a finding: events lost, repeated or held back, or a broken stream</extracomment>
        <translation>问题</translation>
    </message>
    <message>
        <source>Reconnected without Last-Event-ID</source>
        <extracomment>How a reconnect resumed; %1 = the Last-Event-ID the client sent</extracomment>
        <translation>重连时未带 Last-Event-ID</translation>
    </message>
    <message>
        <source>Resumed after id %1 (sent as Last-Event-ID)</source>
        <translation>从 id %1 之后续传（作为 Last-Event-ID 发送）</translation>
    </message>
    <message>
        <source>%1: no loss or duplicate found</source>
        <extracomment>%1 = how it resumed (&quot;Resumed after id 9 (sent as Last-Event-ID)&quot;)</extracomment>
        <translation>%1：未发现丢失或重复</translation>
    </message>
    <message>
        <source>%1: the server replayed %2, no loss or duplicate found</source>
        <extracomment>%1 = how it resumed, %2 = the ids replayed (&quot;10–12&quot;)</extracomment>
        <translation>%1：服务器补发了 %2，未发现丢失或重复</translation>
    </message>
    <message>
        <source>%1: the server continued with %2, no loss or duplicate found</source>
        <extracomment>%1 = how it resumed, %2 = the id of the next event</extracomment>
        <translation>%1：服务器从 %2 继续，未发现丢失或重复</translation>
    </message>
    <message numerus="yes">
        <source>%1: the next event was %2, %n event(s) lost</source>
        <extracomment>%1 = how it resumed, %2 = the id of the next event, %n = events lost</extracomment>
        <translation>
            <numerusform>%1：下一个事件是 %2，丢失了 %n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the server replayed %2 with gaps, %n event(s) lost</source>
        <extracomment>%1 = how it resumed, %2 = the ids replayed (&quot;10–12&quot;), %n = events lost</extracomment>
        <translation>
            <numerusform>%1：服务器补发的 %2 有缺口，丢失了 %n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s) repeat data received before (the stream has no ids)</source>
        <extracomment>%1 = how it resumed, %n = events whose data arrived before</extracomment>
        <translation>
            <numerusform>%1：%n 个事件重复了之前收到的数据（该事件流没有 id）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the server replayed from %2; %n event(s) delivered twice</source>
        <extracomment>%1 = how it resumed, %2 = the first id replayed, %n = events delivered twice</extracomment>
        <translation>
            <numerusform>%1：服务器从 %2 开始补发；%n 个事件被重复投递</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the server started again from id %2 (Last-Event-ID ignored); %n event(s) delivered twice</source>
        <extracomment>%1 = how it resumed, %2 = the id it started from, %n = events delivered twice</extracomment>
        <translation>
            <numerusform>%1：服务器从 id %2 重新开始（忽略了 Last-Event-ID）；%n 个事件被重复投递</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the server started again from id %2 (Last-Event-ID ignored)</source>
        <extracomment>%1 = how it resumed, %2 = the id the server started from</extracomment>
        <translation>%1：服务器从 id %2 重新开始（忽略了 Last-Event-ID）</translation>
    </message>
    <message>
        <source>%1: ids went back to %2</source>
        <extracomment>%1 = how it resumed, %2 = the lower id the server went on with</extracomment>
        <translation>%1：id 倒退到了 %2</translation>
    </message>
    <message>
        <source>Reconnecting without Last-Event-ID: the server sends no ids, so the events it sends meanwhile are lost and cannot be replayed</source>
        <translation>重连时没有 Last-Event-ID：服务器发送的事件没有 id，断开期间发送的事件会丢失且无法补发</translation>
    </message>
    <message>
        <source>Event ids went backwards from %1 to %2 on connection %3</source>
        <extracomment>%1 = the previous id, %2 = the lower id after it, %3 = connection number</extracomment>
        <translation>连接 %3 上的事件 id 从 %1 倒退到了 %2</translation>
    </message>
    <message>
        <source>compression middleware</source>
        <translation>压缩中间件</translation>
    </message>
    <message>
        <source>a proxy</source>
        <translation>某个代理</translation>
    </message>
    <message>
        <source>a proxy or middleware between the server and SSE Scope</source>
        <translation>服务器与 SSE Scope 之间的某个代理或中间件</translation>
    </message>
    <message numerus="yes">
        <source>The headers came at once but the body %1 later, %n event(s) in its first read: something held the body back, likely %2</source>
        <extracomment>%1 = how long the body waited, %2 = the layer that likely held it (&quot;nginx&quot;), %n = events in the first read</extracomment>
        <translation>
            <numerusform>响应头立即到达，但响应体晚了 %1，首次读取就包含 %n 个事件：响应体被扣留了，很可能是 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events arrive in bursts: %n event(s) in one read after %1 of silence, though the server made them over %2 (timestamps in the data); likely held back by %3</source>
        <extracomment>%n = events in one read, %1 = the silence before, %2 = how long the server took to make them, %3 = the layer that likely held them back (&quot;nginx&quot;)</extracomment>
        <translation>
            <numerusform>事件成批到达：静默 %1 后一次读取到 %n 个事件，而服务器是在 %2 内陆续产生的（见数据中的时间戳）；很可能被 %3 扣留</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events arrive in bursts: %n event(s) in one read after %1 of silence, though the server kept a steady rhythm before; likely held back by %2</source>
        <extracomment>%n = events in one read, %1 = the silence before, %2 = the layer that likely held them back (&quot;nginx&quot;)</extracomment>
        <translation>
            <numerusform>事件成批到达：静默 %1 后一次读取到 %n 个事件，而服务器此前一直保持稳定节奏；很可能被 %2 扣留</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <extracomment>A hop&apos;s idle limit: %1 = its name (&quot;nginx&quot;), %2 = the setting, %3 = the limit</extracomment>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>OPEN · last data %1 ago: the stream was flowing and went silent</source>
        <extracomment>%1 = how long the stream has been silent; OPEN is the state badge&apos;s word</extracomment>
        <translation>已打开 · 最后数据在 %1 前：事件流原本在传输，随后变得静默</translation>
    </message>
    <message>
        <source>The stream was silent for %1, longer than %2: a hop with that limit would cut it</source>
        <extracomment>%1 = the silence, %2 = the hop limits it passed (&quot;nginx proxy_read_timeout (60 s)&quot;)</extracomment>
        <translation>事件流静默了 %1，超过了 %2：有此限制的中间节点会切断它</translation>
    </message>
    <message>
        <source>events</source>
        <comment>heartbeat kind</comment>
        <translation>事件</translation>
    </message>
    <message>
        <source>comments</source>
        <comment>heartbeat kind</comment>
        <translation>注释</translation>
    </message>
    <message>
        <source>Heartbeat every %1 (%2), longer than %3&apos;s %4: that hop would cut the stream between two heartbeats</source>
        <extracomment>%1 = heartbeat interval, %2 = comments or events, %3 = the shortest hop limit&apos;s name (&quot;Google Cloud load balancer&quot;), %4 = that limit</extracomment>
        <translation>每 %1 一次心跳（%2），长于 %3 的 %4：该节点会在两次心跳之间切断事件流</translation>
    </message>
    <message>
        <source>Heartbeat every %1 (%2)</source>
        <extracomment>%1 = heartbeat interval, %2 = comments or events</extracomment>
        <translation>每 %1 一次心跳（%2）</translation>
    </message>
    <message>
        <source>The last %1 connections were all cut after about %2: something on the way ends them on a timer</source>
        <extracomment>%1 = number of connections, %2 = how long each lived</extracomment>
        <translation>最近 %1 个连接都在约 %2 后被切断：途中有某个环节按定时器结束连接</translation>
    </message>
    <message>
        <source>The last %1 connections were all cut after about %2, like %3</source>
        <extracomment>%1 = number of connections, %2 = how long each lived, %3 = hop limits that match</extracomment>
        <translation>最近 %1 个连接都在约 %2 后被切断，与 %3 一致</translation>
    </message>
    <message>
        <source>The response has no Cache-Control header</source>
        <extracomment>Cache-Control is an HTTP header name</extracomment>
        <translation>响应没有 Cache-Control 头</translation>
    </message>
    <message>
        <source>The response says Cache-Control: %1, not no-cache</source>
        <translation>响应的 Cache-Control 为 %1，而不是 no-cache</translation>
    </message>
    <message>
        <source>The stream has Content-Length: %1, so it ends after that many bytes</source>
        <extracomment>%1 = the Content-Length header&apos;s value</extracomment>
        <translation>事件流带有 Content-Length: %1，因此会在这么多字节后结束</translation>
    </message>
    <message>
        <source>The stream says Connection: close: its end is only the socket closing, which hops and clients cannot tell from a failure</source>
        <translation>事件流声明了 Connection: close：它的结束只是套接字关闭，中间节点和客户端无法将其与故障区分</translation>
    </message>
    <message>
        <source>The stream is compressed (Content-Encoding: %1): compressors and the proxies around them hold events until a block fills</source>
        <extracomment>%1 = the Content-Encoding, e.g. gzip</extracomment>
        <translation>事件流被压缩（Content-Encoding: %1）：压缩器及其周围的代理会扣留事件，直到填满一个数据块</translation>
    </message>
    <message>
        <source>The stream declares charset=%1, but event streams are always UTF-8</source>
        <extracomment>%1 = the charset the response declares</extracomment>
        <translation>事件流声明了 charset=%1，但事件流始终是 UTF-8</translation>
    </message>
    <message>
        <source>The server ended the stream without ever sending retry:, so clients come back after their own default (3 s in browsers)</source>
        <translation>服务器结束了事件流，却从未发送 retry:，客户端只能按自己的默认间隔重连（浏览器为 3 秒）</translation>
    </message>
    <message>
        <source>No data %1 after the headers: not even a comment shows the stream is alive</source>
        <extracomment>%1 = how long nothing came after the headers</extracomment>
        <translation>响应头之后 %1 没有任何数据：连一条注释都没有，无法表明事件流仍然存活</translation>
    </message>
    <message>
        <source>The response headers took %1: the server sends them only with its first event</source>
        <extracomment>%1 = how long the response headers took</extracomment>
        <translation>响应头用了 %1 才到达：服务器直到发送第一个事件时才发送响应头</translation>
    </message>
    <message>
        <source>%1 streams are open to %2 over HTTP/1.1, more than the %3 connections a browser opens to one origin: the next EventSource would wait</source>
        <extracomment>%1 = streams open, %2 = the origin (scheme://host:port), %3 = the browser&apos;s limit</extracomment>
        <translation>通过 HTTP/1.1 向 %2 打开了 %1 个事件流，超过了浏览器对同一源最多 %3 个连接的限制：下一个 EventSource 将一直等待</translation>
    </message>
    <message>
        <source>one origin</source>
        <translation>同一个源</translation>
    </message>
    <message>
        <source>An HTML page arrived as event data: an error page relayed as a stream</source>
        <translation>事件数据是一个 HTML 页面：错误页面被当作事件流转发了</translation>
    </message>
    <message>
        <source>An HTML page (“%1”) arrived as event data: an error page relayed as a stream</source>
        <translation>事件数据是一个 HTML 页面（“%1”）：错误页面被当作事件流转发了</translation>
    </message>
    <message>
        <source>Keep enough events to replay what a client misses while it reconnects (a longer replay buffer or a store keyed by id), and replay every event after the Last-Event-ID.</source>
        <translation>保留足够多的事件，以便补发客户端重连期间错过的内容（更长的补发缓冲区，或按 id 索引的存储），并补发 Last-Event-ID 之后的每一个事件。</translation>
    </message>
    <message>
        <source>Replay only the events after the Last-Event-ID the client sent.</source>
        <translation>只补发客户端所发送的 Last-Event-ID 之后的事件。</translation>
    </message>
    <message>
        <source>Read the Last-Event-ID request header and continue after it; a stream that cannot resume (e.g. a POST that starts a new answer) should say so, e.g. with new ids per answer and no retry.</source>
        <translation>读取 Last-Event-ID 请求头并从其后继续；无法续传的事件流（例如每次都生成新回答的 POST）应明确表明这一点，例如每个回答使用新的 id，并且不要 retry。</translation>
    </message>
    <message>
        <source>Keep ids increasing across connections (a server restart must not start over), so that Last-Event-ID means the same thing to both sides.</source>
        <translation>让 id 在各个连接之间持续递增（服务器重启也不能从头开始），使 Last-Event-ID 对双方含义一致。</translation>
    </message>
    <message>
        <source>Give every event an id (“id: 42”) and replay the events after the Last-Event-ID a reconnecting client sends.</source>
        <translation>为每个事件设置 id（“id: 42”），并补发重连客户端所发送的 Last-Event-ID 之后的事件。</translation>
    </message>
    <message>
        <source>Give every event an id larger than the one before: a client resuming with Last-Event-ID relies on their order.</source>
        <translation>每个事件的 id 都应大于前一个：用 Last-Event-ID 续传的客户端依赖这一顺序。</translation>
    </message>
    <message>
        <source>Flush after each event, and turn off response buffering and compression for text/event-stream on every hop.</source>
        <translation>每个事件之后都要刷新（flush），并在每个中间节点上关闭对 text/event-stream 的响应缓冲和压缩。</translation>
    </message>
    <message>
        <source>Do not compress text/event-stream (compression buffers until a block fills), or flush the compressor after each event.</source>
        <translation>不要压缩 text/event-stream（压缩会一直缓冲到数据块填满），或者在每个事件之后刷新压缩器。</translation>
    </message>
    <message>
        <source>Send X-Accel-Buffering: no from the application, or set proxy_buffering off; for this location.</source>
        <translation>由应用发送 X-Accel-Buffering: no，或为该 location 设置 proxy_buffering off;。</translation>
    </message>
    <message>
        <source>Set flushpackets=on on the ProxyPass, and exclude text/event-stream from mod_deflate.</source>
        <translation>在 ProxyPass 上设置 flushpackets=on，并让 mod_deflate 排除 text/event-stream。</translation>
    </message>
    <message>
        <source>Set flush_interval -1 on reverse_proxy.</source>
        <translation>在 reverse_proxy 上设置 flush_interval -1。</translation>
    </message>
    <message>
        <source>Send the stream uncompressed with Content-Type: text/event-stream and Cache-Control: no-cache, and check Workers or tunnels in the path for buffering. %1</source>
        <extracomment>%1 = the general advice (&quot;Flush after each event, …&quot;)</extracomment>
        <translation>以不压缩的方式发送事件流，并带上 Content-Type: text/event-stream 和 Cache-Control: no-cache，同时检查路径上的 Workers 或隧道是否有缓冲。%1</translation>
    </message>
    <message>
        <source>Disable compression for text/event-stream in the cache behaviour. %1</source>
        <extracomment>%1 = the general advice (&quot;Flush after each event, …&quot;)</extracomment>
        <translation>在缓存行为中关闭对 text/event-stream 的压缩。%1</translation>
    </message>
    <message>
        <source>If the server has nothing to say, it should still send a comment every 15 s; if it should be sending, the connection may be half-open (an idle timeout on the client catches that).</source>
        <translation>即使服务器没有内容要发，也应每 15 秒发送一条注释；如果服务器本应在发送，那么连接可能处于半开状态（客户端的空闲超时可以发现这种情况）。</translation>
    </message>
    <message>
        <source>Send a comment line (“: ping”) every 15 s so that no hop sees the stream idle, or raise the hop&apos;s timeout.</source>
        <translation>每 15 秒发送一行注释（“: ping”），使任何中间节点都不会认为事件流空闲，或者调高该节点的超时时间。</translation>
    </message>
    <message>
        <source>Send the heartbeat at least every %1.</source>
        <extracomment>%1 = the longest interval that keeps every hop open</extracomment>
        <translation>至少每 %1 发送一次心跳。</translation>
    </message>
    <message>
        <source>Find the hop with that timeout (proxy, load balancer, serverless limit) and raise it, or send heartbeats if it cuts idle connections; clients then resume with Last-Event-ID.</source>
        <translation>找到有该超时限制的中间节点（代理、负载均衡器、无服务器平台的限制）并调高它；如果它切断的是空闲连接，就发送心跳；之后客户端会用 Last-Event-ID 续传。</translation>
    </message>
    <message>
        <source>Send Cache-Control: no-cache, so no cache or proxy stores or holds the stream.</source>
        <translation>发送 Cache-Control: no-cache，避免缓存或代理存储、扣留事件流。</translation>
    </message>
    <message>
        <source>Send no Content-Length on a stream: use chunked transfer (HTTP/1.1) or let HTTP/2 frame it.</source>
        <translation>事件流不要发送 Content-Length：使用分块传输（HTTP/1.1），或交给 HTTP/2 分帧。</translation>
    </message>
    <message>
        <source>Keep the connection alive and send the stream chunked; close it with a final event the client understands.</source>
        <translation>保持连接并以分块方式发送事件流；结束时发送一个客户端能理解的最终事件。</translation>
    </message>
    <message>
        <source>Leave text/event-stream uncompressed, or flush the compressor after every event.</source>
        <translation>不要压缩 text/event-stream，或者在每个事件之后刷新压缩器。</translation>
    </message>
    <message>
        <source>Send UTF-8 and say so (text/event-stream; charset=utf-8), or no charset: browsers decode every stream as UTF-8 (HTML §9.2.5).</source>
        <translation>发送 UTF-8 并如实声明（text/event-stream; charset=utf-8），或者不声明 charset：浏览器总是按 UTF-8 解码事件流（HTML §9.2.5）。</translation>
    </message>
    <message>
        <source>Send “retry: MS” before closing a stream on purpose, so clients reconnect when the server wants them to.</source>
        <translation>主动关闭事件流之前先发送“retry: 毫秒数”，让客户端按服务器期望的时间重连。</translation>
    </message>
    <message>
        <source>Send a comment (“: ok”) or retry: right after the headers, and flush: some hops cut a response without a first byte (Heroku after 30 s).</source>
        <translation>在响应头之后立即发送一条注释（“: ok”）或 retry: 并刷新：有些中间节点会切断迟迟没有首字节的响应（Heroku 为 30 秒）。</translation>
    </message>
    <message>
        <source>Flush the headers (and a first comment such as “: ok”) as soon as the request is accepted: clients and hops give up on a response that sends nothing.</source>
        <translation>一接受请求就刷新响应头（以及一条首个注释，如“: ok”）：客户端和中间节点会放弃迟迟没有任何输出的响应。</translation>
    </message>
    <message>
        <source>Serve the streams over HTTP/2 (one connection carries them all), or share one stream between tabs (e.g. a SharedWorker).</source>
        <translation>通过 HTTP/2 提供事件流（一个连接即可承载全部），或在多个标签页之间共享一个事件流（例如使用 SharedWorker）。</translation>
    </message>
    <message>
        <source>Look at the upstream that produced the page (its status and logs), and end the stream with an error event the client can read instead of relaying HTML.</source>
        <translation>检查生成该页面的上游服务（其状态和日志），并用客户端能读取的错误事件结束事件流，而不是转发 HTML。</translation>
    </message>
    <message>
        <source>clean</source>
        <comment>resume outcome</comment>
        <extracomment>The last resume after a reconnect lost nothing and repeated nothing</extracomment>
        <translation>完好</translation>
    </message>
    <message numerus="yes">
        <source>%n lost</source>
        <comment>resume outcome: events lost</comment>
        <translation>
            <numerusform>丢失 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <comment>resume outcome: events delivered twice</comment>
        <translation>
            <numerusform>重复 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>started over</source>
        <comment>resume outcome: Last-Event-ID ignored</comment>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>ids went back</source>
        <comment>resume outcome</comment>
        <translation>id 倒退</translation>
    </message>
    <message>
        <source>no ids to resume from</source>
        <comment>resume outcome</comment>
        <translation>无 id，无法续传</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>finding row</comment>
        <extracomment>A finding row: %1 = severity (&quot;Problem&quot;), %2 = the verdict</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <extracomment>%1 = what to do about a finding</extracomment>
        <translation>建议：%1</translation>
    </message>
    <message>
        <source>Connections: %1</source>
        <translation>连接：%1</translation>
    </message>
    <message>
        <source>Event ids: %1</source>
        <extracomment>%1 = event ids, as the server sent them</extracomment>
        <translation>事件 id：%1</translation>
    </message>
    <message>
        <source>Times: %1</source>
        <translation>时间：%1</translation>
    </message>
    <message>
        <source>Header: %1: %2</source>
        <extracomment>A response header line a finding is about; %1 = name, %2 = value</extracomment>
        <translation>响应头：%1: %2</translation>
    </message>
    <message>
        <source>Evidence</source>
        <extracomment>Heading above what proves a finding (connections, ids, times, headers)</extracomment>
        <translation>证据</translation>
    </message>
    <message>
        <source>Finding: %1</source>
        <extracomment>%1 = the finding&apos;s stable id, e.g. resume.gap (see docs/findings.md)</extracomment>
        <translation>诊断：%1</translation>
    </message>
    <message>
        <source>Finding</source>
        <extracomment>A verdict of the findings engine about the stream</extracomment>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <source>Finding id</source>
        <extracomment>The finding&apos;s stable identifier (e.g. resume.gap)</extracomment>
        <translation>诊断 id</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Event ids</source>
        <translation>事件 id</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Response body</source>
        <extracomment>The body of a response that failed the stream (a 401&apos;s JSON message, …)</extracomment>
        <translation>响应体</translation>
    </message>
    <message>
        <source>Control</source>
        <comment>a command given to a running watch</comment>
        <translation>控制</translation>
    </message>
    <message>
        <source>Closed by a command</source>
        <translation>已按命令关闭</translation>
    </message>
    <message>
        <source>Command: go offline for %1</source>
        <translation>命令：离线 %1</translation>
    </message>
    <message>
        <source>Command: cut the connection</source>
        <translation>命令：切断连接</translation>
    </message>
    <message>
        <source>Command: reconnect now</source>
        <translation>命令：立即重连</translation>
    </message>
    <message>
        <source>Command: close</source>
        <translation>命令：关闭</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <extracomment>%1 is a command name from a recording</extracomment>
        <translation>命令：%1</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Summary</source>
        <comment>what a connection amounted to: answer, usage, timing</comment>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Error reported in the stream</source>
        <translation>事件流中报告了错误</translation>
    </message>
    <message>
        <source>Closed: the server ended the stream</source>
        <translation>已关闭：服务器结束了事件流</translation>
    </message>
    <message>
        <source>Closed: the stream completed (end marker received)</source>
        <translation>已关闭：事件流已完成（收到结束标记）</translation>
    </message>
    <message>
        <source>Closed: the stop marker matched</source>
        <translation>已关闭：匹配到停止标记</translation>
    </message>
    <message>
        <source>Summary (%1): %2, %3 characters of text</source>
        <extracomment>%1 = stream profile (e.g. openai-chat), %2 = outcome (e.g. complete), %3 = characters</extracomment>
        <translation>摘要（%1）：%2，文本 %3 个字符</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>close reason: end marker</comment>
        <extracomment>%1 = why the stream closed, %2 = the end marker seen, e.g. [DONE]</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Response head after</source>
        <translation>响应头到达用时</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>格式配置</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <source>First token after</source>
        <translation>首个 token 用时</translation>
    </message>
    <message>
        <source>End marker</source>
        <translation>结束标记</translation>
    </message>
</context>
<context>
    <name>RequestBar</name>
    <message>
        <source>New stream</source>
        <translation>新事件流</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <comment>restart the stream</comment>
        <translation>重连</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP 方法</translation>
    </message>
    <message>
        <source>https://example.com/events</source>
        <translation>https://example.com/events</translation>
    </message>
    <message>
        <source>Stream URL; press Enter to connect</source>
        <translation>事件流 URL；按回车键连接</translation>
    </message>
    <message>
        <source>Request…</source>
        <translation>请求…</translation>
    </message>
    <message>
        <source>Headers, body and reconnection settings</source>
        <translation>请求头、请求体和重连设置</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Close the stream and stop reconnecting</source>
        <translation>关闭事件流并停止重连</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>录制…</translation>
    </message>
    <message>
        <source>Record this stream to an NDJSON file as it arrives; Open Recording reads it back</source>
        <translation>在事件到达时将此事件流录制到 NDJSON 文件；可用“打开录制文件”读回</translation>
    </message>
    <message>
        <source>Via fault proxy</source>
        <extracomment>A switch: this tab&apos;s stream goes through SSE Scope&apos;s fault proxy</extracomment>
        <translation>经由故障代理</translation>
    </message>
    <message>
        <source>Route this stream through SSE Scope&apos;s fault proxy</source>
        <translation>让此事件流经过 SSE Scope 的故障代理</translation>
    </message>
    <message>
        <source>Route this stream through SSE Scope&apos;s fault proxy on %1</source>
        <translation>让此事件流经过 SSE Scope 位于 %1 的故障代理</translation>
    </message>
    <message>
        <source>Then the drop button&apos;s server-visible faults break the real connection: the server sees them too. Switching reconnects a running stream.</source>
        <translation>之后，断开按钮中的服务器可见故障会断开真实连接：服务器也会察觉。切换时，正在运行的事件流会重新连接。</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source>Like a browser&apos;s EventSource: waits the server&apos;s retry: value, else the default delay; HTTP errors stop the stream.</source>
        <translation>与浏览器的 EventSource 一致：等待服务器 retry: 指定的时间，未指定时使用默认延迟；HTTP 错误会终止事件流。</translation>
    </message>
    <message>
        <source>Always waits the fixed delay (ignores retry:); also retries HTTP 5xx and 429.</source>
        <translation>始终等待固定延迟（忽略 retry:）；遇到 HTTP 5xx 和 429 也会重试。</translation>
    </message>
    <message>
        <source>Doubles the wait after each failure up to the cap, with random jitter; honours Retry-After on 5xx and 429.</source>
        <translation>每次失败后等待时间加倍直至上限，并加入随机抖动；遇到 5xx 和 429 时遵循 Retry-After。</translation>
    </message>
    <message>
        <source>Never reconnects: the first failure closes the stream.</source>
        <translation>从不重连：第一次失败即关闭事件流。</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重连</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>HTTP header</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <comment>HTTP header</comment>
        <translation>值</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Column of checkboxes: keep a secret header&apos;s value in the saved session</extracomment>
        <translation>保存</translation>
    </message>
    <message>
        <source>Keep this secret value when the session is saved</source>
        <translation>保存会话时保留此机密值</translation>
    </message>
    <message>
        <source>Add a header</source>
        <translation>添加请求头</translation>
    </message>
    <message>
        <source>Remove the selected headers</source>
        <translation>移除选中的请求头</translation>
    </message>
    <message>
        <source>Show secret values</source>
        <translation>显示机密值</translation>
    </message>
    <message>
        <source>Values of Authorization, Cookie, API key and token headers are hidden and not saved unless you tick Save.</source>
        <translation>Authorization、Cookie、API key 和 token 类请求头的值会被隐藏，除非勾选“保存”，否则不会保存。</translation>
    </message>
    <message>
        <source>Initial &amp;Last-Event-ID:</source>
        <translation>初始 Last-Event-ID(&amp;L)：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Sent with the first connection, as if resuming a stream</source>
        <translation>随第一次连接发送，如同恢复一个事件流</translation>
    </message>
    <message>
        <source>Content-&amp;Type:</source>
        <translation>Content-Type(&amp;T)：</translation>
    </message>
    <message>
        <source>Request body, sent again with every reconnect</source>
        <translation>请求体，每次重连都会重新发送</translation>
    </message>
    <message>
        <source>A browser&apos;s EventSource can only send GET; other methods are for servers that stream a POST response the same way.</source>
        <translation>浏览器的 EventSource 只能发送 GET；其他方法适用于以同样方式流式返回 POST 响应的服务器。</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <comment>reconnection policy</comment>
        <translation>重连策略(&amp;P)：</translation>
    </message>
    <message>
        <source>Browser (spec default)</source>
        <translation>浏览器（规范默认）</translation>
    </message>
    <message>
        <source>Fixed interval</source>
        <translation>固定间隔</translation>
    </message>
    <message>
        <source>Exponential backoff</source>
        <translation>指数退避</translation>
    </message>
    <message>
        <source>Off (never reconnect)</source>
        <translation>关闭（从不重连）</translation>
    </message>
    <message>
        <source>Override retry:</source>
        <translation>覆盖 retry：</translation>
    </message>
    <message>
        <source>Use this delay instead of the server&apos;s retry: value</source>
        <translation>使用此延迟代替服务器的 retry: 值</translation>
    </message>
    <message>
        <source> ms</source>
        <comment>milliseconds suffix</comment>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Default/fixed delay:</source>
        <translation>默认/固定延迟：</translation>
    </message>
    <message>
        <source>Backoff base:</source>
        <translation>退避初始延迟：</translation>
    </message>
    <message>
        <source>Backoff cap:</source>
        <translation>退避上限：</translation>
    </message>
    <message>
        <source>Jitter:</source>
        <translation>抖动：</translation>
    </message>
    <message>
        <source>Max attempts:</source>
        <translation>最大尝试次数：</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Idle timeout:</source>
        <translation>空闲超时：</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds suffix</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Treat the connection as dead when no bytes arrive for this long</source>
        <translation>超过这段时间未收到任何字节时，视为连接已断开</translation>
    </message>
    <message>
        <source>Ignore TLS errors (insecure)</source>
        <translation>忽略 TLS 错误（不安全）</translation>
    </message>
    <message>
        <source>Accept invalid, expired or self-signed certificates. Anyone on the network path could read and change the stream.</source>
        <translation>接受无效、过期或自签名的证书。网络路径上的任何人都可能读取和篡改事件流。</translation>
    </message>
    <message>
        <source>Insecure: certificate errors are ignored for this stream.</source>
        <translation>不安全：此事件流会忽略证书错误。</translation>
    </message>
    <message>
        <source>not saved — enter the value again</source>
        <extracomment>In a header&apos;s Value cell: the session did not keep this secret value</extracomment>
        <translation>未保存——请重新输入值</translation>
    </message>
    <message>
        <source>The session did not keep this secret value. Enter it again, or the header is sent empty.</source>
        <translation>会话没有保存这个机密值。请重新输入，否则将发送空的请求头。</translation>
    </message>
    <message>
        <source>Not saved with the session: %1. Enter the value again; Connect once more sends the header empty.</source>
        <extracomment>%1 = header names, e.g. &quot;Authorization and Cookie&quot;</extracomment>
        <translation>以下请求头的值未随会话保存：%1。请重新输入值；再次点击“连接”将发送空的请求头。</translation>
    </message>
    <message>
        <source>SSE Scope&apos;s &amp;fault proxy (starts when you connect)</source>
        <translation>SSE Scope 的故障代理(&amp;F)（连接时启动）</translation>
    </message>
    <message>
        <source>SSE Scope&apos;s &amp;fault proxy (%1)</source>
        <translation>SSE Scope 的故障代理(&amp;F)（%1）</translation>
    </message>
    <message>
        <source>Reconnection settings and the idle timeout apply to a running stream at once; headers, body and method from the next Connect.</source>
        <translation>重连设置和空闲超时会立即作用于正在运行的流；请求头、请求体和方法从下一次连接起生效。</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>&amp;System proxy settings (default)</source>
        <translation>系统代理设置(&amp;S)（默认）</translation>
    </message>
    <message>
        <source>The desktop&apos;s proxy settings, or the http_proxy, https_proxy and no_proxy environment variables</source>
        <translation>桌面环境的代理设置，或 http_proxy、https_proxy 和 no_proxy 环境变量</translation>
    </message>
    <message>
        <source>&amp;No proxy</source>
        <translation>不使用代理(&amp;N)</translation>
    </message>
    <message>
        <source>Through SSE Scope&apos;s own fault proxy (Tools → Fault Proxy…), so faults you apply there break the real connection and the server sees them too</source>
        <translation>经过 SSE Scope 自带的故障代理（工具 → 故障代理…），在那里应用的故障会断开真实连接，服务器也会察觉</translation>
    </message>
    <message>
        <source>C&amp;ustom:</source>
        <translation>自定义(&amp;U)：</translation>
    </message>
    <message>
        <source>http://[user@]host:port or socks5://host:port</source>
        <translation>http://[用户名@]主机:端口 或 socks5://主机:端口</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>The proxy&apos;s password; it is not saved with the session</source>
        <translation>代理的密码；不会随会话保存</translation>
    </message>
    <message>
        <source>Loopback hosts (localhost, 127.0.0.1, ::1) never go through the system proxy. https:// streams go through a proxy with CONNECT: TLS stays end to end and is verified as usual.</source>
        <translation>回环地址（localhost、127.0.0.1、::1）从不经过系统代理。https:// 事件流通过 CONNECT 经过代理：TLS 保持端到端，证书照常验证。</translation>
    </message>
</context>
<context>
    <name>StreamTab</name>
    <message>
        <source>Enter the URL of an event stream, e.g. https://example.com/events</source>
        <translation>请输入事件流的 URL，例如 https://example.com/events</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid http:// or https:// URL.</source>
        <translation>“%1”不是有效的 http:// 或 https:// URL。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Conn.</source>
        <comment>connection number column</comment>
        <translation>连接</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>event type column</comment>
        <translation>类型</translation>
    </message>
    <message>
        <source>Id</source>
        <comment>event id column</comment>
        <translation>ID</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Record to File</source>
        <translation>录制到文件</translation>
    </message>
    <message>
        <source>NDJSON recordings (*.ndjson)</source>
        <translation>NDJSON 录制文件 (*.ndjson)</translation>
    </message>
    <message>
        <source>Could not record to “%1”.

%2</source>
        <translation>无法录制到“%1”。

%2</translation>
    </message>
    <message>
        <source>Recording to “%1” stopped: %2

The file keeps everything recorded before the error.</source>
        <translation>录制到“%1”已停止：%2

文件保留了出错前录制的全部内容。</translation>
    </message>
    <message numerus="yes">
        <source>● REC %1 · %n event(s)</source>
        <extracomment>Shown while a tab records its stream: %1 = file name, %n = events written so far</extracomment>
        <translation>
            <numerusform>● 录制中 %1 · %n 个事件</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording stopped: %1</source>
        <translation>录制已停止：%1</translation>
    </message>
    <message>
        <source>This window has no fault proxy.</source>
        <translation>此窗口没有故障代理。</translation>
    </message>
    <message>
        <source>The fault proxy could not start: %1</source>
        <translation>故障代理无法启动：%1</translation>
    </message>
    <message>
        <source>The custom proxy “%1” is not an http://host:port or socks5://host:port address.</source>
        <translation>自定义代理“%1”不是 http://主机:端口 或 socks5://主机:端口 形式的地址。</translation>
    </message>
    <message>
        <source>This tab has no open connection through the fault proxy right now.</source>
        <translation>此标签页目前没有经过故障代理的打开连接。</translation>
    </message>
    <message>
        <source>The fault proxy did not apply it: %1</source>
        <extracomment>%1 = the fault proxy&apos;s own (English) reason</extracomment>
        <translation>故障代理未应用此故障：%1</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Written by:</source>
        <translation>写入者：</translation>
    </message>
    <message>
        <source>%1, format %2</source>
        <translation>%1，格式 %2</translation>
    </message>
    <message>
        <source>an earlier version (format 1)</source>
        <translation>较早的版本（格式 1）</translation>
    </message>
    <message>
        <source>Stream:</source>
        <translation>流：</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>events, other records</comment>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other record(s)</source>
        <translation>
            <numerusform>%Ln 条其他记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>已跳过：</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) that were not records</source>
        <translation>
            <numerusform>%Ln 行不是记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Watch and test Server-Sent Events streams.</source>
        <translation>观察和测试 Server-Sent Events 事件流。</translation>
    </message>
    <message>
        <source>Stream URLs to open and connect, one tab each.</source>
        <translation>要打开并连接的事件流 URL，每个 URL 一个标签页。</translation>
    </message>
    <message>
        <source>Start fresh: do not restore the last session.</source>
        <translation>全新启动：不恢复上次的会话。</translation>
    </message>
    <message>
        <source>Testing aid: simulate a network drop on the current tab after &lt;seconds&gt;, as Stream &gt; Simulate Network Drop does.</source>
        <translation>测试辅助：经过 &lt;秒数&gt; 秒后在当前标签页模拟一次网络断开，效果同“事件流 &gt; 模拟网络断开”。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒数</translation>
    </message>
</context>
</TS>
