"""Generate varied synthetic civil first-instance dossiers with a reference catalogue.

The wording, names, courts and layouts here are written independently of the shared
development set, with title variants and layouts (letter spacing, court headers, footers,
stamps, scanned pages) drawn at random from a seed, so that tests and the benchmark do not
measure only what the rules were written against.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from catalogue_pdf_writer import PageSpec, TextLine, write_pdf

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美娟霞平刚桂英建华文辉力志明永健世春晓冬梅兰凤玉珍海波宁浩然子轩欣怡佳琪梓涵思远嘉怡雨"
COURTS = [("北京市朝阳区人民法院", "京0105"), ("上海市浦东新区人民法院", "沪0115"), ("广州市天河区人民法院", "粤0106"),
          ("杭州市西湖区人民法院", "浙0106"), ("成都市武侯区人民法院", "川0107"), ("南京市鼓楼区人民法院", "苏0106"),
          ("武汉市洪山区人民法院", "鄂0111"), ("郑州市金水区人民法院", "豫0105")]
COMPANIES = ["华信建材贸易有限公司", "鼎盛物业服务有限公司", "恒通汽车租赁有限公司", "安居房地产经纪有限公司",
             "明远科技发展有限公司", "金桥装饰工程有限公司", "康泰医药连锁有限公司", "顺达物流有限公司"]
CASES = [  # cause, claim maker
    ("民间借贷纠纷", "借款"), ("买卖合同纠纷", "货款"), ("房屋租赁合同纠纷", "租金"),
    ("物业服务合同纠纷", "物业费"), ("机动车交通事故责任纠纷", "赔偿款"), ("劳务合同纠纷", "劳务费"),
]
CN_DIGITS = "〇一二三四五六七八九"


def cn_date(y: int, m: int, d: int) -> str:
    """二〇二四年三月五日 as printed under court documents."""
    def small(n: int) -> str:
        if n < 10:
            return CN_DIGITS[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
    return "".join(CN_DIGITS[int(c)] for c in str(y)) + f"年{small(m)}月{small(d)}日"


def spaced(title: str, rnd: random.Random) -> str:
    """Letter-space a title at random (民 事 起 诉 状) as court forms often do."""
    return rnd.choice([title, " ".join(title), "　".join(title)])


@dataclass
class Doc:
    """One document: category label, printed title and its pages."""

    category: str
    title: str
    pages: list[PageSpec] = field(default_factory=list)


@dataclass
class Case:
    """The invented case the dossier is about."""

    court: str
    number: str
    cause: str
    thing: str
    plaintiff: str
    defendants: list[str]
    amount: int
    filed: tuple[int, int, int]
    judge: str
    clerk: str


def _person(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice([1, 2])))


def make_case(rnd: random.Random) -> Case:
    """A random case: court, 案号, cause, parties, amount, filing date."""
    court, code = rnd.choice(COURTS)
    year = rnd.choice([2022, 2023, 2024, 2025])
    cause, thing = rnd.choice(CASES)
    plaintiff = rnd.choice(COMPANIES) if rnd.random() < 0.4 else _person(rnd)
    defendants = [_person(rnd) for _ in range(rnd.choice([1, 1, 2]))]
    if rnd.random() < 0.3:
        defendants[0] = rnd.choice([c for c in COMPANIES if c != plaintiff])
    return Case(court, f"（{year}）{code}民初{rnd.randint(100, 29999)}号", cause, thing, plaintiff, defendants,
                rnd.randint(8, 900) * 1000 + rnd.choice([0, 500]), (year, rnd.randint(1, 10), rnd.randint(1, 28)),
                _person(rnd), _person(rnd))


def _body(texts: list[str], size: float = 12.0) -> list[TextLine]:
    lines = []
    for t in texts:
        while len(t) > 34:  # wrap like a printed page (about 34 characters a line)
            lines.append(TextLine(t[:34], size))
            t = t[34:]
        lines.append(TextLine(t, size))
    return lines


def _header(case: Case, title: str, rnd: random.Random, number: bool = True) -> list[TextLine]:
    out = [TextLine(case.court, 15, "center"), TextLine(spaced(title, rnd), 22, "center", 14)]
    if number:
        out.append(TextLine(case.number.replace("（", "(").replace("）", ")") if rnd.random() < 0.2 else case.number, 12, "right"))
    return out


def build_documents(case: Case, rnd: random.Random, hard: bool = False) -> list[Doc]:
    """All documents of the dossier in (mostly) filing order."""
    y, m, d = case.filed
    filed_cn = f"{y}年{m}月{d}日"
    defs = "、".join(case.defendants)
    amt = f"{case.amount:,}"
    docs: list[Doc] = []
    cover_title = rnd.choice(["民事诉讼卷宗", "人民法院诉讼档案", "民事一审案件卷宗"])
    docs.append(Doc("卷宗封面", "卷宗封面", [PageSpec([TextLine(case.court, 16, "center"), TextLine(cover_title, 26, "center", 20),
        *_body([f"案号 {case.number}", f"案由 {case.cause}", f"原告 {case.plaintiff}", f"被告 {defs}",
                f"立案日期 {filed_cn}", f"审判员 {case.judge}", f"书记员 {case.clerk}", "保管期限 长期"], 13)])]))
    docs.append(Doc("卷内目录", "卷内目录", [PageSpec([TextLine(spaced("卷内目录", rnd), 22, "center"),
        *_body(["序号 文件名称 页号 备注", "1 起诉状 1-2", "2 受理案件通知书 3", "3 证据 4-8"])])]))
    complaint_title = rnd.choice(["民事起诉状", "起诉状", "民事起诉书"])
    claims = [f"一、判令被告{case.defendants[0]}支付原告{case.thing}{amt}元；",
              f"二、判令被告支付逾期付款利息（以{amt}元为基数，按全国银行间同业拆借中心公布的贷款市场报价利率计算）；",
              "三、本案诉讼费用由被告承担。"]
    parties = [f"原告：{case.plaintiff}，住所地{case.court[:3]}某某路{rnd.randint(1, 300)}号。"]
    parties += [f"被告：{p}，{'男' if rnd.random() < 0.5 else '女'}，{rnd.randint(1960, 1999)}年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日出生，汉族。" for p in case.defendants]
    p1 = [TextLine(spaced(complaint_title, rnd), 22, "center", 14)] + _body(parties + ["诉讼请求："] + claims)
    p2 = _body(["事实与理由：", f"原告与被告因{case.thing}发生争议，经多次催要，被告至今未付。原告为维护自身合法权益，依据相关法律规定，特向贵院提起诉讼，请依法判决。",
                "此致", case.court, f"具状人：{case.plaintiff}", f"{y}年{m}月{max(1, d - 2)}日"])
    two_pages = rnd.random() < 0.6
    foot = rnd.choice(["第{n}页 共{t}页", "- {n} -", "{n}/{t}", ""])
    if two_pages:
        docs.append(Doc("起诉状", complaint_title, [PageSpec(p1, footer=foot.format(n=1, t=2)), PageSpec(p2, footer=foot.format(n=2, t=2))]))
    else:
        docs.append(Doc("起诉状", complaint_title, [PageSpec(p1 + p2[:4])]))
    if case.plaintiff.endswith("公司"):
        docs.append(Doc("身份证明材料", "营业执照", [PageSpec([TextLine("营 业 执 照", 24, "center", 16), *_body([
            f"统一社会信用代码 91{rnd.randint(10**15, 10**16 - 1)}", f"名称 {case.plaintiff}", "类型 有限责任公司",
            f"法定代表人 {_person(rnd)}", f"注册资本 {rnd.randint(50, 5000)}万元", "成立日期 2012年05月18日", "经营范围 详见章程"])], scanned=rnd.random() < 0.7)]))
    evid = rnd.sample(["借条", "转账凭证", "购销合同", "租赁合同", "对账单", "微信聊天记录截图", "催款函", "收据", "送货单", "维修费用清单"], 3)
    docs.append(Doc("证据材料", rnd.choice(["证据目录", "证据清单"]), [PageSpec([TextLine(spaced(rnd.choice(["证据目录", "证据清单"]), rnd), 20, "center", 12),
        *_body(["序号 证据名称 证明内容 页数"] + [f"{i + 1} {e} 证明{case.thing}事实 1" for i, e in enumerate(evid)] + ["提交人：", f"{y}年{m}月{d}日"])])]))
    docs[-1].title = docs[-1].pages[0].lines[0].text.replace(" ", "").replace("　", "")
    for e in evid:
        docs.append(Doc("证据材料", e, [PageSpec([TextLine(e, 18, "center", 12), *_body([
            f"{case.defendants[0]}与{case.plaintiff}", f"金额：人民币{amt}元", f"日期：{y - 1}年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日",
            "经双方确认无误。"])], scanned=rnd.random() < 0.5)]))
    docs.append(Doc("受理案件通知书", rnd.choice(["受理案件通知书", "立案通知书"]), []))
    docs[-1].pages.append(PageSpec(_header(case, docs[-1].title, rnd) + _body([
        f"{case.plaintiff}：", f"你方诉{defs}{case.cause}一案，本院经审查，符合法定受理条件，已于{filed_cn}立案。现将有关事项通知如下：",
        "一、请在收到本通知书次日起七日内预交案件受理费；", "二、当事人应当诚信诉讼，如实陈述案件事实。", cn_date(y, m, d)])))
    if rnd.random() < 0.5:
        docs.append(Doc("诉讼费用材料", "交纳诉讼费用通知书", [PageSpec(_header(case, "交纳诉讼费用通知书", rnd) + _body([
            f"{case.plaintiff}：", f"你方起诉的{case.cause}一案，应预交案件受理费{rnd.randint(50, 9000)}元。请于七日内交纳，逾期不交又不申请缓交的，按撤诉处理。", cn_date(y, m, d)]))]))
    for p in case.defendants:
        docs.append(Doc("应诉通知书", "应诉通知书", [PageSpec(_header(case, "应诉通知书", rnd) + _body([
            f"{p}：", f"本院已受理{case.plaintiff}诉你{case.cause}一案，现送达起诉状副本。你应在收到之日起十五日内提交答辩状，并提交身份证明材料。", cn_date(y, m, d)]))]))
    docs.append(Doc("举证通知书", "举证通知书", [PageSpec(_header(case, "举证通知书", rnd) + _body([
        "原告、被告：", "根据《最高人民法院关于民事诉讼证据的若干规定》，当事人对自己提出的主张应当提供证据。本案举证期限为十五日，逾期提供证据的，承担相应法律后果。", cn_date(y, m, d)]))]))
    for p in case.defendants:
        docs.append(Doc("送达回证", "送达回证", [PageSpec(_header(case, "送达回证", rnd, number=False) + _body([
            f"案号 {case.number}", "送达文书 起诉状副本、应诉通知书、举证通知书、传票", f"受送达人 {p}", "送达地址 本市某某区某某街道",
            "受送达人签名 ", "送达人 "]), scanned=rnd.random() < 0.5)]))
    if rnd.random() < 0.6:
        docs.append(Doc("答辩状", rnd.choice(["民事答辩状", "答辩状"]), []))
        docs[-1].pages.append(PageSpec([TextLine(spaced(docs[-1].title, rnd), 22, "center", 14)] + _body([
            f"答辩人：{case.defendants[0]}。", f"被答辩人：{case.plaintiff}。", f"答辩人就被答辩人诉{case.cause}一案，答辩如下：",
            "答辩人已支付部分款项，被答辩人主张的金额有误，请求法院依法驳回其不合理的诉讼请求。", "此致", case.court, "答辩人："])))
        docs.append(Doc("授权委托书", "授权委托书", [PageSpec([TextLine(spaced("授权委托书", rnd), 22, "center", 14)] + _body([
            f"委托人：{case.defendants[0]}", f"受委托人：{_person(rnd)}，某某律师事务所律师。", f"现委托上列受委托人在委托人与{case.plaintiff}{case.cause}一案中，作为委托人的诉讼代理人。",
            "代理权限为：特别授权，代为承认、放弃、变更诉讼请求，进行和解，代收法律文书。", "委托人：", f"{y}年{m}月{d}日"]))]))
    docs.append(Doc("传票", "传票", [PageSpec(_header(case, "传票", rnd) + _body([
        f"案由 {case.cause}", f"被传唤人 {case.defendants[0]}", "传唤事由 开庭", f"应到时间 {y}年{m}月{d}日 9时30分", "应到处所 本院第三法庭",
        "注意事项：一、被传唤人必须准时到达应到处所。二、本传票由被传唤人携带来院报到。"]))]))
    rec_title = rnd.choice(["庭审笔录", "开庭笔录", "法庭审理笔录"])
    rec_pages = []
    n_rec = rnd.choice([2, 3])
    for i in range(n_rec):
        head = [TextLine(spaced(rec_title, rnd), 20, "center", 12)] if i == 0 else []
        body = ([f"时间：{y}年{m}月{d}日9时30分", "地点：本院第三法庭", f"审判员：{case.judge}", f"书记员：{case.clerk}",
                 "书记员：宣布法庭纪律。", "审判员：现在开庭。核对当事人身份。"] if i == 0 else
                ["审判员：下面进行法庭调查，由原告陈述诉讼请求和事实理由。", "原告：坚持起诉意见。", "被告：对证据的真实性无异议，对金额有异议。",
                 "审判员：法庭辩论结束，双方作最后陈述。", "原告：请求支持诉讼请求。", "被告：请求依法裁判。"])
        rec_pages.append(PageSpec(head + _body(body), footer=f"第{i + 1}页 共{n_rec}页", scanned=rnd.random() < 0.3))
    docs.append(Doc("庭审笔录", rec_title, rec_pages))
    if rnd.random() < 0.5:
        docs.append(Doc("判决书", "民事判决书", [
            PageSpec(_header(case, "民事判决书", rnd) + _body([f"原告：{case.plaintiff}。"] + [f"被告：{p}。" for p in case.defendants] + [
                f"原告{case.plaintiff}与被告{defs}{case.cause}一案，本院于{filed_cn}立案后，依法适用简易程序，公开开庭进行了审理。本案现已审理终结。",
                f"原告向本院提出诉讼请求：1.判令被告支付{case.thing}{amt}元；2.本案诉讼费用由被告承担。"]), footer="- 1 -"),
            PageSpec(_body(["本院认为，当事人应当按照约定全面履行自己的义务。被告未按约定付款，应承担相应责任。", "依照《中华人民共和国民法典》第五百七十七条之规定，判决如下：",
                            f"被告{case.defendants[0]}于本判决生效之日起十日内支付原告{case.thing}{amt}元。", "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状。",
                            f"审判员 {case.judge}", cn_date(y, min(12, m + 2), d), f"书记员 {case.clerk}"]), footer="- 2 -")]))
        final = "民事判决书"
    else:
        docs.append(Doc("调解书", "民事调解书", [PageSpec(_header(case, "民事调解书", rnd) + _body([f"原告：{case.plaintiff}。"] + [f"被告：{p}。" for p in case.defendants] + [
            f"原告{case.plaintiff}与被告{defs}{case.cause}一案，本院于{filed_cn}立案。本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：",
            f"一、被告于{y}年12月31日前支付原告{case.thing}{case.amount // 2:,}元；", "二、案件受理费减半收取，由被告负担。",
            "上述协议，不违反法律规定，本院予以确认。本调解书经双方当事人签收后，即具有法律效力。", f"审判员 {case.judge}", f"书记员 {case.clerk}"]))]))
        final = "民事调解书"
    for p in [case.plaintiff] + case.defendants:
        docs.append(Doc("送达回证", "送达回证", [PageSpec(_header(case, "送达回证", rnd, number=False) + _body([
            f"案号 {case.number}", f"送达文书 {final}", f"受送达人 {p}", "送达方式 直接送达", "受送达人签名 ", "送达人 "]), scanned=rnd.random() < 0.4)]))
    if rnd.random() < 0.4:
        docs.append(Doc("其他材料", "情况说明", [PageSpec([TextLine("情况说明", 20, "center", 12)] + _body([
            f"关于{case.cause}一案，现将有关情况说明如下：原告于开庭后补充提交了付款记录，被告表示已知悉。", "特此说明。", f"{y}年{m}月{d}日"]))]))
    if hard:
        _add_hard_documents(docs, case, rnd)
    docs.append(Doc("备考表", "备考表", [PageSpec([TextLine(spaced(rnd.choice(["备考表", "卷内备考表"]), rnd), 22, "center", 14)] + _body([
        "本卷情况说明：本卷共有文件材料若干件，经核对无误。", f"立卷人：{case.clerk}", "检查人：", f"立卷时间：{y + 1}年1月10日"]))]))
    return docs


def _add_hard_documents(docs: list[Doc], case: Case, rnd: random.Random) -> None:
    """Less regular material: other categories, multi-page evidence without titles on later
    pages, titles printed small and left-aligned, a 庭审记录 instead of 笔录, a moved 送达回证."""
    y, m, d = case.filed
    defs = "、".join(case.defendants)
    p = case.defendants[0]
    extra: list[Doc] = []
    # A three-page contract: only the first page carries the title.
    contract = Doc("证据材料", rnd.choice(["借款合同", "房屋租赁合同", "采购合同"]), [])
    contract.pages.append(PageSpec([TextLine(contract.title, 18, "center", 12)] + _body([
        f"甲方：{case.plaintiff}", f"乙方：{p}", "甲乙双方经友好协商，就有关事项达成如下条款，以资共同遵守。",
        f"第一条 合同金额为人民币{case.amount:,}元。", "第二条 乙方应于每月五日前支付当期款项。"])))
    for k in range(rnd.choice([1, 2])):
        contract.pages.append(PageSpec(_body([f"第{3 + k * 2}条 任何一方违约的，应当向守约方支付违约金，并赔偿由此造成的损失。",
                                              f"第{4 + k * 2}条 本合同履行中发生争议的，双方协商解决；协商不成的，向甲方所在地人民法院起诉。",
                                              "本合同一式两份，甲乙双方各执一份，自双方签字或盖章之日起生效。"])))
    extra.append(contract)
    # A receipt whose title is printed small and on the left.
    extra.append(Doc("证据材料", "收款收据", [PageSpec([TextLine("收款收据", 12, "left")] + _body([
        f"今收到 {p}", f"交来 {case.thing}", f"人民币 {case.amount // 3:,}元", "收款单位（盖章）："]), scanned=rnd.random() < 0.6)]))
    extra.append(Doc("询问笔录", rnd.choice(["询问笔录", "谈话笔录", "调查笔录"]), []))
    extra[-1].pages.append(PageSpec([TextLine(spaced(extra[-1].title, rnd), 20, "center", 12)] + _body([
        f"时间：{y}年{m}月{d}日", "地点：本院调解室", f"询问人：{case.judge}", f"记录人：{case.clerk}", f"被询问人：{p}",
        "问：你对原告主张的事实有何意见？", "答：我承认欠款，但数额不对。", "问：以上所述是否属实？", "答：属实。"])))
    if rnd.random() < 0.5:
        extra.append(Doc("调解笔录", "调解笔录", [PageSpec([TextLine(spaced("调解笔录", rnd), 20, "center", 12)] + _body([
            f"时间：{y}年{m}月{d}日", "地点：本院调解室", f"主持人：{case.judge}", "审判员：本庭主持双方调解，双方是否同意调解？",
            "原告：同意。", "被告：同意，但希望分期付款。", "审判员：双方意见差距较大，调解不成。"]))]))
    if rnd.random() < 0.4:
        extra.append(Doc("开庭公告", "开庭公告", [PageSpec(_header(case, "开庭公告", rnd, number=False) + _body([
            f"本院定于{y}年{m}月{d}日上午九时三十分在本院第三法庭公开开庭审理{case.plaintiff}诉{defs}{case.cause}一案。", "特此公告。", cn_date(y, m, d)]))]))
    if rnd.random() < 0.5:
        extra.append(Doc("宣判笔录", "宣判笔录", [PageSpec([TextLine(spaced("宣判笔录", rnd), 20, "center", 12)] + _body([
            f"时间：{y}年{m}月{d}日", "地点：本院第三法庭", f"宣判人：{case.judge}", "审判员：现在宣判。（宣读判决主文）",
            "审判员：如不服本判决，可在判决书送达之日起十五日内提出上诉。", "原告：听清楚了。", "被告：考虑后再决定是否上诉。"]))]))
    if rnd.random() < 0.4:
        extra.append(Doc("裁定书", "民事裁定书", [PageSpec(_header(case, "民事裁定书", rnd) + _body([
            f"原告{case.plaintiff}与被告{defs}{case.cause}一案，原告于审理中申请对被告财产采取保全措施。",
            "本院认为，申请符合法律规定。依照《中华人民共和国民事诉讼法》第一百零三条规定，裁定如下：", f"冻结被告{p}名下银行存款{case.amount:,}元。",
            "本裁定立即开始执行。", f"审判员 {case.judge}"]))]))
    if rnd.random() < 0.4:
        extra.append(Doc("上诉状", "民事上诉状", [PageSpec([TextLine(spaced("民事上诉状", rnd), 22, "center", 14)] + _body([
            f"上诉人（原审被告）：{p}。", f"被上诉人（原审原告）：{case.plaintiff}。", f"上诉人因{case.cause}一案，不服{case.court}{case.number}民事判决，现提起上诉。",
            "上诉请求：撤销原判，依法改判。", "此致", "中级人民法院"]))]))
    if rnd.random() < 0.5:
        extra.append(Doc("身份证明材料", "居民身份证", [PageSpec(_body([f"姓名 {p}", "性别 男 民族 汉", "出生 1988年6月12日",
            "住址 某某市某某区某某路18号", f"公民身份号码 {rnd.randint(10**17, 10**18 - 1)}", "中华人民共和国", "居民身份证",
            "签发机关 某某市公安局某某分局", "有效期限 2016.03.01-2036.03.01"]), scanned=True)]))
    # Insert the extras at plausible places, not all at the end.
    for doc in extra:
        pos = rnd.randint(4, len(docs) - 1)
        docs.insert(pos, doc)


def build_dossier(seed: int, out: str | Path, scanned_share: float | None = None, hard: bool = False) -> dict:
    """Write one dossier PDF to ``out``; return its reference (same shape as the shared set)."""
    rnd = random.Random(seed)
    case = make_case(rnd)
    docs = build_documents(case, rnd, hard)
    pages: list[PageSpec] = []
    ref_pages, ref_docs = [], []
    archive = 0
    for doc in docs:
        start = len(pages) + 1
        for spec in doc.pages:
            if scanned_share is not None:
                spec.scanned = rnd.random() < scanned_share
            spec.seed = rnd.randint(0, 10**6)
            if doc.category not in ("卷宗封面", "卷内目录", "备考表"):
                archive += 1
                spec.stamp = str(archive) if rnd.random() < 0.8 else ""
            pages.append(spec)
            ref_pages.append({"page": len(pages), "category": doc.category, "scanned": spec.scanned})
        ref_docs.append({"category": doc.category, "title": doc.title, "start_page": start, "end_page": len(pages)})
    write_pdf(pages, out)
    return {"file": Path(out).name, "pages": ref_pages, "documents": ref_docs,
            "case": {"case_number": case.number, "cause": case.cause, "plaintiffs": [case.plaintiff],
                     "defendants": case.defendants, "filing_date": f"{case.filed[0]:04d}-{case.filed[1]:02d}-{case.filed[2]:02d}"}}
