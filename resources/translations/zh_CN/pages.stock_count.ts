<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StocktakeTab</name>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="63" />
        <source>Start stocktake…</source>
        <translation>开始盘点…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="65" />
        <source>Post…</source>
        <translation>过账…</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="88" />
        <source>No stocktake is being counted: a manager or the owner starts one.</source>
        <translation>目前没有进行中的盘点：请店长或老板先开始盘点。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="97" />
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="97" />
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="97" />
        <source>Not counted</source>
        <translation>未盘</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="98" />
        <source>With a difference</source>
        <translation>有差异</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="103" />
        <source>Scan, or type a name and Enter</source>
        <translation>扫码，或输入名称后回车</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="116" />
        <source>Counts add up: a negative number takes back a miscount.</source>
        <translation>盘点数量会累加：输入负数可撤回数错的数量。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="119" />
        <source>Count</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="126" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="132" />
        <source>Stocktake</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="186" />
        <source>Whole store</source>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="188" />
        <source>counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="190" />
        <source>posted {at}</source>
        <translation>{at} 已过账</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="199" />
        <source>Pick a product</source>
        <translation>选择商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="237" />
        <source>{counted} of {all} products counted</source>
        <translation>已盘 {counted} / {all} 个商品</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="244" />
        <source>{counted} of {all} products counted; difference at cost {net} (loss {loss}, gain {gain})</source>
        <translation>已盘 {counted} / {all} 个商品；差异金额（成本）{net}（盘亏 {loss}，盘盈 {gain}）</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="276" />
        <source>No product in this stocktake has the barcode or name {text}.</source>
        <translation>本次盘点范围内没有条码或名称为 {text} 的商品。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="280" />
        <source>{count} products match {text}: pick one.</source>
        <translation>有 {count} 个商品与 {text} 相符，请选择一个。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="309" />
        <source>Scan or pick the product first.</source>
        <translation>请先扫码或选择商品。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="329" />
        <source>Counted {name}: {quantity}</source>
        <translation>已记录 {name}：{quantity}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="333" />
        <source>Counted here just now: {counts}</source>
        <translation>本机刚录入：{counts}</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="376" />
        <source>Only a manager or owner can post a stocktake.</source>
        <translation>只有店长或老板可以过账盘点单。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="381" />
        <source>Post stocktake {number}? {moved} of the {counted} products counted change stock, by {value} at cost. Products not counted are left as they are. This cannot be undone.</source>
        <translation>确定过账盘点单 {number}？已盘的 {counted} 个商品中有 {moved} 个将调整库存，差异金额（成本）{value}。未盘的商品库存不变。过账后不能撤销。</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="390" />
        <source>Post stocktake</source>
        <translation>过账盘点单</translation>
    </message>
    <message>
        <location filename="../../../salon_pos/ui/pages/stock_count.py" line="411" />
        <source>Stocktake {number} is posted.</source>
        <translation>盘点单 {number} 已过账。</translation>
    </message>
</context>
</TS>
