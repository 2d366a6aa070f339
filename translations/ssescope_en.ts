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
