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
        <source>Cut the connection now, as a network reset would. The arrow offers a longer outage.</source>
        <translation>立即切断连接，如同网络重置。点击箭头可模拟更长时间的断网。</translation>
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
    <message>
        <source>%1 events/s</source>
        <comment>rate chart: rate of the last complete second</comment>
        <translation>%1 事件/秒</translation>
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
        <source>%1 (simulated)</source>
        <comment>error kind of an injected fault</comment>
        <translation>%1（模拟）</translation>
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
        <source>Warning</source>
        <translation>警告</translation>
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
