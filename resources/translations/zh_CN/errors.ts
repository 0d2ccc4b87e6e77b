<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BugReport</name>
    <message>
        <location filename="../../../salon_pos/ui/errors.py" line="37"/>
        <source>Something went wrong in the app (not something you did). The details are in the log: {path}</source>
        <translation>程序出错了（不是您的操作问题）。详细情况已写入日志：{path}</translation>
    </message>
</context>
</TS>
