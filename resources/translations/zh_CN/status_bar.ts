<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="73"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="225"/>
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="95"/>
        <source>Server: …</source>
        <translation>服务器：…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="107"/>
        <source>Business day {day}</source>
        <translation>营业日 {day}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="126"/>
        <source>Sync error: {error}</source>
        <translation>同步出错：{error}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="134"/>
        <source>Server: online</source>
        <translation>服务器：在线</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="135"/>
        <source>Server: offline</source>
        <translation>服务器：离线</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="136"/>
        <source>Server: refused (device revoked)</source>
        <translation>服务器拒绝连接（设备已停用）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="142"/>
        <source>All synced</source>
        <translation>已全部同步</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="137"/>
        <source>Not enrolled</source>
        <translation>未连接服务器（未注册）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="144"/>
        <source>{count} to sync</source>
        <translation>待同步 {count} 条</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="147"/>
        <source>{count} to sync · oldest {age}</source>
        <translation>待同步 {count} 条 · 最早 {age}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="150"/>
        <source> · {count} refused by the server</source>
        <translation> · 服务器退回 {count} 条</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="152"/>
        <source> · {count} received changes waiting (update the app?)</source>
        <translation> · {count} 条下载的更改暂未应用（需要更新软件？）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="155"/>
        <source> · receiving the store&apos;s past tickets: {percent}%</source>
        <translation> · 正在接收本店历史单据：{percent}%</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="162"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="164"/>
        <source>{n} min ago</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="166"/>
        <source>{n} h ago</source>
        <translation>{n} 小时前</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="167"/>
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="171"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="175"/>
        <source>Last sync {time}</source>
        <translation>上次同步 {time}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="118"/>
        <source>This counter is not enrolled with a server yet.</source>
        <translation>这台收银机尚未注册到服务器。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="207"/>
        <source>Signed in: {name}</source>
        <translation>当前用户：{name}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="217"/>
        <source>No receipt printer</source>
        <translation>未设置小票打印机</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="219"/>
        <source>Printer: not tried yet</source>
        <translation>打印机：尚未试打</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/status_bar.py" line="227"/>
        <source>Printer: {problem}</source>
        <translation>打印机：{problem}</translation>
    </message>
</context>
</TS>
