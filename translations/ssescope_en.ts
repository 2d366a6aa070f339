<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConnectionPanel</name>
    <message numerus="yes">
        <source>Go offline for %n s</source>
        <comment>simulate a network outage of N seconds</comment>
        <translation>
            <numerusform>Go offline for %n s</numerusform>
            <numerusform>Go offline for %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Network offline for %n s (simulated)</source>
        <translation>
            <numerusform>Network offline for %n s (simulated)</numerusform>
            <numerusform>Network offline for %n s (simulated)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnect(s) in total</source>
        <translation>
            <numerusform>%Ln reconnect in total</numerusform>
            <numerusform>%Ln reconnects in total</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnect(s)</source>
        <translation>
            <numerusform>%Ln reconnect</numerusform>
            <numerusform>%Ln reconnects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next problem (F8; Shift+F8 for the previous one): %n warning(s) or problem(s) in this tab</source>
        <translation>
            <numerusform>Next problem (F8; Shift+F8 for the previous one): %n warning or problem in this tab</numerusform>
            <numerusform>Next problem (F8; Shift+F8 for the previous one): %n warnings or problems in this tab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Proxy down for %n s (refuse new connections)</source>
        <translation>
            <numerusform>Proxy down for %n s (refuse new connections)</numerusform>
            <numerusform>Proxy down for %n s (refuse new connections)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FaultProxyWindow</name>
    <message numerus="yes">
        <source>%1: acted on %n connection(s).</source>
        <translation>
            <numerusform>%1: acted on %n connection.</numerusform>
            <numerusform>%1: acted on %n connections.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <source>%n Type(s)</source>
        <comment>event types chosen</comment>
        <translation>
            <numerusform>%n Type</numerusform>
            <numerusform>%n Types</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <comment>rows arrived while paused</comment>
        <extracomment>Badge while the table is paused: rows that arrived since</extracomment>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n oldest row(s) dropped from view</source>
        <translation>
            <numerusform>%n oldest row dropped from view</numerusform>
            <numerusform>%n oldest rows dropped from view</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n row(s) to %1</source>
        <translation>
            <numerusform>Wrote %n row to %1</numerusform>
            <numerusform>Wrote %n rows to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of the recording were not valid records and were skipped.</source>
        <translation>
            <numerusform>%n line of the recording was not a valid record and was skipped.</numerusform>
            <numerusform>%n lines of the recording were not valid records and were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The recording carries no findings; SSE Scope found %n from its records.</source>
        <translation>
            <numerusform>The recording carries no findings; SSE Scope found %n from its records.</numerusform>
            <numerusform>The recording carries no findings; SSE Scope found %n from its records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RateChart</name>
    <message numerus="yes">
        <source>Events per second over the last %n second(s), newest at the right.
▼ connection dropped  ✕ error  ● reconnected</source>
        <comment>rate chart tooltip; the symbols match the markers drawn in the chart</comment>
        <translation>
            <numerusform>Events per second over the last %n second, newest at the right.
▼ connection dropped  ✕ error  ● reconnected</numerusform>
            <numerusform>Events per second over the last %n seconds, newest at the right.
▼ connection dropped  ✕ error  ● reconnected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)/s</source>
        <comment>rate chart: rate of the last complete second</comment>
        <translation>
            <numerusform>%Ln event/s</numerusform>
            <numerusform>%Ln events/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message numerus="yes">
        <source>Gave up after %n reconnect attempt(s)</source>
        <translation>
            <numerusform>Gave up after %n reconnect attempt</numerusform>
            <numerusform>Gave up after %n reconnect attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the next event was %2, %n event(s) lost</source>
        <extracomment>%1 = how it resumed, %2 = the id of the next event, %n = events lost</extracomment>
        <translation>
            <numerusform>%1: the next event was %2, %n event lost</numerusform>
            <numerusform>%1: the next event was %2, %n events lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the server replayed %2 with gaps, %n event(s) lost</source>
        <extracomment>%1 = how it resumed, %2 = the ids replayed (&quot;10–12&quot;), %n = events lost</extracomment>
        <translation>
            <numerusform>%1: the server replayed %2 with gaps, %n event lost</numerusform>
            <numerusform>%1: the server replayed %2 with gaps, %n events lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s) repeat data received before (the stream has no ids)</source>
        <extracomment>%1 = how it resumed, %n = events whose data arrived before</extracomment>
        <translation>
            <numerusform>%1: %n event repeats data received before (the stream has no ids)</numerusform>
            <numerusform>%1: %n events repeat data received before (the stream has no ids)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the server replayed from %2; %n event(s) delivered twice</source>
        <extracomment>%1 = how it resumed, %2 = the first id replayed, %n = events delivered twice</extracomment>
        <translation>
            <numerusform>%1: the server replayed from %2; %n event delivered twice</numerusform>
            <numerusform>%1: the server replayed from %2; %n events delivered twice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the server started again from id %2 (Last-Event-ID ignored); %n event(s) delivered twice</source>
        <extracomment>%1 = how it resumed, %2 = the id it started from, %n = events delivered twice</extracomment>
        <translation>
            <numerusform>%1: the server started again from id %2 (Last-Event-ID ignored); %n event delivered twice</numerusform>
            <numerusform>%1: the server started again from id %2 (Last-Event-ID ignored); %n events delivered twice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The headers came at once but the body %1 later, %n event(s) in its first read: something held the body back, likely %2</source>
        <extracomment>%1 = how long the body waited, %2 = the layer that likely held it (&quot;nginx&quot;), %n = events in the first read</extracomment>
        <translation>
            <numerusform>The headers came at once but the body %1 later, %n event in its first read: something held the body back, likely %2</numerusform>
            <numerusform>The headers came at once but the body %1 later, %n events in its first read: something held the body back, likely %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events arrive in bursts: %n event(s) in one read after %1 of silence, though the server made them over %2 (timestamps in the data); likely held back by %3</source>
        <extracomment>%n = events in one read, %1 = the silence before, %2 = how long the server took to make them, %3 = the layer that likely held them back (&quot;nginx&quot;)</extracomment>
        <translation>
            <numerusform>Events arrive in bursts: %n event in one read after %1 of silence, though the server made them over %2 (timestamps in the data); likely held back by %3</numerusform>
            <numerusform>Events arrive in bursts: %n events in one read after %1 of silence, though the server made them over %2 (timestamps in the data); likely held back by %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Events arrive in bursts: %n event(s) in one read after %1 of silence, though the server kept a steady rhythm before; likely held back by %2</source>
        <extracomment>%n = events in one read, %1 = the silence before, %2 = the layer that likely held them back (&quot;nginx&quot;)</extracomment>
        <translation>
            <numerusform>Events arrive in bursts: %n event in one read after %1 of silence, though the server kept a steady rhythm before; likely held back by %2</numerusform>
            <numerusform>Events arrive in bursts: %n events in one read after %1 of silence, though the server kept a steady rhythm before; likely held back by %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lost</source>
        <comment>resume outcome: events lost</comment>
        <translation>
            <numerusform>%n lost</numerusform>
            <numerusform>%n lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <comment>resume outcome: events delivered twice</comment>
        <translation>
            <numerusform>%n duplicate</numerusform>
            <numerusform>%n duplicates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreamTab</name>
    <message numerus="yes">
        <source>● REC %1 · %n event(s)</source>
        <extracomment>Shown while a tab records its stream: %1 = file name, %n = events written so far</extracomment>
        <translation>
            <numerusform>● REC %1 · %n event</numerusform>
            <numerusform>● REC %1 · %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other record(s)</source>
        <translation>
            <numerusform>%Ln other record</numerusform>
            <numerusform>%Ln other records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) that were not records</source>
        <translation>
            <numerusform>%Ln line that was not a record</numerusform>
            <numerusform>%Ln lines that were not records</numerusform>
        </translation>
    </message>
</context>
</TS>
