"""Synthetic first-instance civil judgments with planted defects, for review tests and benchmarks.

Written independently of the review rules: wording varies (several phrasings per part), names
and courts are drawn at random, and each defect kind is planted by editing a clean draft the
way a hurried drafter would. ``make_clean(seed)`` returns a :class:`Judgment`; ``plant(j, kind,
rng)`` returns a defective copy with ground truth (paragraph index per python-docx).
"""
from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import cn2an

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红玲建国志文斌辉鹏宇浩凯健俊帆雪琳晶欣然晓雨婷博思远海波")
COMPANY_HEADS = ["鼎盛", "恒通", "宏远", "瑞丰", "华信", "金桥", "博雅", "永达", "天成", "众诚", "嘉禾", "泰和", "鑫源", "宇航"]
COMPANY_TRADES = [("建材", "建材销售有限公司"), ("物流", "物流有限公司"), ("科技", "信息科技有限公司"),
                  ("商贸", "商贸有限公司"), ("物业", "物业管理有限公司"), ("装饰", "装饰工程有限公司")]
# (province, province code, city, city code, [(district, district code)...], another city in the province)
COURTS = [
    ("浙江省", "浙", "杭州市", "01", [("西湖区", "06"), ("拱墅区", "05"), ("余杭区", "10")], "宁波市"),
    ("广东省", "粤", "广州市", "01", [("天河区", "06"), ("越秀区", "04"), ("海珠区", "05")], "佛山市"),
    ("湖北省", "鄂", "武汉市", "01", [("江汉区", "03"), ("武昌区", "06"), ("洪山区", "11")], "宜昌市"),
    ("四川省", "川", "成都市", "01", [("锦江区", "04"), ("青羊区", "05"), ("武侯区", "07")], "绵阳市"),
    ("山东省", "鲁", "济南市", "01", [("历下区", "02"), ("市中区", "03"), ("槐荫区", "04")], "青岛市"),
    ("河南省", "豫", "郑州市", "01", [("中原区", "02"), ("二七区", "03"), ("金水区", "05")], "洛阳市"),
    ("福建省", "闽", "福州市", "01", [("鼓楼区", "02"), ("台江区", "03"), ("仓山区", "04")], "厦门市"),
    ("湖南省", "湘", "长沙市", "01", [("芙蓉区", "02"), ("天心区", "03"), ("岳麓区", "04")], "株洲市"),
]
ROADS = ["人民路", "解放路", "建设路", "中山路", "和平路", "文化路", "胜利路", "新华路"]
LAW_FIRMS = ["明理", "正衡", "德恒信", "方圆", "致远", "公正"]
CIVIL_CODE_ARTICLES = {
    "loan": ["第六百六十七条", "第六百七十四条", "第六百七十五条", "第六百七十六条"],
    "sale": ["第五百零九条", "第五百七十七条", "第六百二十六条", "第六百二十八条"],
    "lease": ["第五百零九条", "第七百零三条", "第七百二十一条", "第七百二十二条"],
    "service": ["第五百零九条", "第五百七十七条", "第九百三十九条", "第九百四十四条"],
}
CAUSES = {"loan": "民间借贷纠纷", "sale": "买卖合同纠纷", "lease": "房屋租赁合同纠纷", "service": "物业服务合同纠纷"}


@dataclass
class Defect:
    """Ground truth for one planted defect."""

    type: str
    variant: str
    paragraph: int
    related: list[int] = field(default_factory=list)


@dataclass
class Judgment:
    """A judgment as paragraphs plus the indexes of its parts (for planting defects)."""

    paragraphs: list[str]
    parts: dict[str, int]
    facts: dict
    defects: list[Defect] = field(default_factory=list)

    def write(self, path: Path) -> Path:
        """Save as .docx with court typography (East-Asian font set on every run)."""
        import docx
        from docx.oxml.ns import qn
        from docx.shared import Pt

        document = docx.Document()
        for i, text in enumerate(self.paragraphs):
            para = document.add_paragraph()
            run = para.add_run(text)
            size, font, bold = (22, "宋体", False) if i == 0 else (26, "宋体", True) if i == 1 else (16, "仿宋", False)
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.name = font
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        document.save(str(path))
        return path


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        n = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
        # Keep every generated name at least two characters away from the others, so that a
        # name never looks like a misspelling of another by accident.
        if n not in used and all(_distance_ge2(n, u) for u in used):
            used.add(n)
            return n


def _distance_ge2(a: str, b: str) -> bool:
    if len(a) != len(b):
        return True
    return sum(x != y for x, y in zip(a, b)) >= 2


def chinese_date(d: dt.date) -> str:
    """二〇二四年三月五日."""
    digits = "〇一二三四五六七八九"
    year = "".join(digits[int(c)] for c in str(d.year))
    return f"{year}年{cn2an.an2cn(d.month)}月{cn2an.an2cn(d.day)}日"


def arabic(d: dt.date) -> str:
    """2024年3月5日."""
    return f"{d.year}年{d.month}月{d.day}日"


def money(v: Decimal, commas: bool) -> str:
    """Figures as courts write them: 29,200 / 29200 / 38719.31."""
    q = v.quantize(Decimal("0.01"))
    text = f"{q:,.2f}" if commas else f"{q:.2f}"
    return text[:-3] if text.endswith(".00") else text


def capital(v: Decimal) -> str:
    """Capital amount: 伍万元整."""
    q = v.quantize(Decimal("0.01"))
    s = format(q, "f")
    return cn2an.an2cn(s[:-3] if s.endswith(".00") else s, "rmb")


# 《诉讼费用交纳办法》第十三条 for property cases: (upper edge of the band, rate above the previous
# edge). Written out here, not read from resources/review/fee_schedule.json, so that the
# generator stays independent of the rule it tests.
_FEE_BANDS = [(100000, "0.025"), (200000, "0.02"), (500000, "0.015"), (1000000, "0.01"), (2000000, "0.009"),
              (5000000, "0.008"), (10000000, "0.007"), (20000000, "0.006"), (None, "0.005")]


def court_fee(claim: Decimal) -> Decimal:
    """Property-case fee per 《诉讼费用交纳办法》第十三条: 50元 up to 10,000元, then cumulative bands."""
    fee, lower = Decimal(50), Decimal(10000)
    for upper, rate in _FEE_BANDS:
        if claim <= lower:
            break
        top = claim if upper is None else min(claim, Decimal(upper))
        fee += (top - lower) * Decimal(rate)
        lower = Decimal(upper) if upper is not None else lower
    return fee.quantize(Decimal("0.01"), ROUND_HALF_UP)


def interest_article(d: dt.date) -> str:
    """民事诉讼法 article on late-payment interest in force on ``d``."""
    if d >= dt.date(2024, 1, 1):
        return "第二百六十四条"
    if d >= dt.date(2022, 1, 1):
        return "第二百六十条"
    return "第二百五十三条"


def make_clean(seed: int) -> Judgment:
    """A clean judgment; the seed decides the case type, court, parties, amounts and wording."""
    rng = random.Random(seed)
    used: set[str] = set()
    prov, pcode, city, ccode, districts, other_city = rng.choice(COURTS)
    district, dcode = rng.choice(districts)
    court = f"{prov}{city}{district}人民法院"
    appeal = f"{prov}{city}中级人民法院"
    kind = rng.choice(list(CAUSES))
    cause = CAUSES[kind]
    commas = rng.random() < 0.4
    simple = rng.random() < 0.6
    filing = dt.date(rng.choice((2021, 2022, 2023, 2024)), rng.randint(1, 10), rng.randint(1, 28))
    hearing = filing + dt.timedelta(days=rng.randint(15, 60))
    signed = hearing + dt.timedelta(days=rng.randint(5, 40))
    number = f"（{filing.year}）{pcode}{ccode}{dcode}民初{rng.randint(100, 39999)}号"
    plaintiff = _name(rng, used)
    company_defendant = kind in ("sale", "service") or rng.random() < 0.3
    if company_defendant:
        head, (_short_trade, trade) = rng.choice(COMPANY_HEADS), rng.choice(COMPANY_TRADES)
        defendant = f"{city[:-1]}{head}{trade}"
        d_short = f"{head}公司"
    else:
        defendant, d_short = _name(rng, used), ""
    second_defendant = _name(rng, used) if (not company_defendant and rng.random() < 0.35) else ""
    absent = bool(second_defendant) and rng.random() < 0.5
    p_agent, d_agent, rep = _name(rng, used), _name(rng, used), _name(rng, used)
    judge, clerk = _name(rng, used), _name(rng, used)
    bench = [("审判员", judge)] if simple else [("审判长", judge), ("人民陪审员", _name(rng, used)),
                                                ("人民陪审员", _name(rng, used))]
    assistant = _name(rng, used) if rng.random() < 0.5 else ""
    witness = _name(rng, used)
    dname = d_short or defendant
    defendants = [defendant] + ([second_defendant] if second_defendant else [])
    dnames = [dname] + ([second_defendant] if second_defendant else [])

    P: list[str] = []
    parts: dict[str, int] = {}

    def add(text: str, part: str | None = None) -> int:
        P.append(text)
        if part:
            parts[part] = len(P) - 1
        return len(P) - 1

    add(court, "court")
    add("民事判决书", "title")
    add(number, "case_number")
    road = lambda: f"{rng.choice(ROADS)}{rng.randint(1, 400)}号"  # noqa: E731
    gender = lambda: rng.choice(("男", "女"))  # noqa: E731
    born = lambda: arabic(dt.date(rng.randint(1960, 1998), rng.randint(1, 12), rng.randint(1, 28)))  # noqa: E731
    add(f"原告：{plaintiff}，{gender()}，{born()}出生，汉族，住{prov}{city}{district}{road()}。", "plaintiff")
    add(f"委托诉讼代理人：{p_agent}，{prov[:2]}{rng.choice(LAW_FIRMS)}律师事务所律师。")
    if company_defendant:
        add(f"被告：{defendant}，住所地{prov}{city}{district}{road()}。", "defendant")
        add(f"法定代表人：{rep}，{rng.choice(('总经理', '执行董事', '董事长'))}。")
    else:
        add(f"被告：{defendant}，{gender()}，{born()}出生，汉族，住{prov}{city}{district}{road()}。", "defendant")
    add(f"委托诉讼代理人：{d_agent}，{rng.choice(('该公司员工', prov[:2] + rng.choice(LAW_FIRMS) + '律师事务所律师'))}。")
    if second_defendant:
        add(f"被告：{second_defendant}，{gender()}，{born()}出生，汉族，住{prov}{city}{district}{road()}。")
    d_intro = "、".join(defendants) + (f"（以下简称{d_short}）" if d_short else "")
    filed_words = rng.choice(("立案后", "立案受理后", "立案", "受理后"))
    procedure = "简易程序" if simple else "普通程序"
    appear = f"原告{plaintiff}及其委托诉讼代理人{p_agent}，被告{dname}的委托诉讼代理人{d_agent}到庭参加诉讼"
    if second_defendant and not absent:
        appear += f"，被告{second_defendant}到庭参加诉讼"
    absent_text = f"被告{second_defendant}经本院传票传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。" if absent else ""
    earlier = ""
    if rng.random() < 0.25:
        old = f"（{filing.year - 1}）{pcode}{ccode}{dcode}民初{rng.randint(100, 9999)}号"
        earlier = f"原告曾于{filing.year - 1}年就同一纠纷向本院起诉（{old}），后申请撤诉。"
    add(f"原告{plaintiff}与被告{d_intro}{cause}一案，本院于{arabic(filing)}{filed_words}，依法适用{procedure}，"
        f"于{arabic(hearing)}公开开庭进行了审理。{earlier}{appear}。{absent_text}本案现已审理终结。", "procedure")

    principal = Decimal(rng.randrange(8000, 300000, 100))
    if kind == "loan":
        parts_of = sorted(rng.sample(range(1, 10), 2))
        chunks = [principal * k / 10 for k in (parts_of[0], parts_of[1] - parts_of[0], 10 - parts_of[1])]
        chunks = [c.quantize(Decimal(1)) for c in chunks]
        chunks[-1] = principal - sum(chunks[:-1])
        claim_total = principal
        claims = (f"1.判令被告{'、'.join(dnames)}偿还借款本金{money(principal, commas)}元；"
                  f"2.判令被告支付自{arabic(signed - dt.timedelta(days=300))}起按年利率{rng.choice((4, 6, 8))}%计算的利息；"
                  f"3.本案诉讼费用由被告负担。")
    else:
        chunks = [Decimal(rng.randrange(1000, 60000, 100)) for _ in range(rng.choice((2, 3, 4)))]
        if rng.random() < 0.3:
            chunks[0] += Decimal(rng.randrange(1, 99)) / 100
        claim_total = sum(chunks)
        claims = (f"1.被告{dname}支付{'货款' if kind == 'sale' else '欠款'}{money(claim_total, commas)}元；"
                  f"2.本案诉讼费由被告承担。")
    add(f"原告{plaintiff}向本院提出诉讼请求：{claims}{rng.choice(('事实与理由', '事实和理由'))}："
        f"双方之间存在{cause[:-2]}关系，被告未按约履行义务，经原告多次催要未果，故诉至法院。", "claims")
    defence = rng.choice(("对原告主张的金额有异议，", "确认欠款事实，但", "原告的诉讼请求缺乏依据，"))
    add(f"被告{dname}辩称：{defence}请求法院依法处理。", "defence")
    add(rng.choice(("本案审理过程中，各方当事人围绕诉讼请求依法提交了证据，本院组织当事人进行了证据交换和质证。",
                    "为证明各自主张，当事人均向本院提交了证据材料，经庭审质证，本院对真实性无异议的证据予以确认。")))
    contract = dt.date(filing.year - rng.choice((0, 1)), rng.randint(1, 12), rng.randint(1, 28))
    if contract >= filing:
        contract = filing - dt.timedelta(days=rng.randint(60, 200))
    facts_head = rng.choice(("经审理，本院认定事实如下：", "本院经审理查明：", "根据当事人陈述和经审查确认的证据，本院认定事实如下："))
    listed = "、".join(f"{arabic(contract + dt.timedelta(days=7 * k))}{'转账' if kind == 'loan' else '供货'}"
                      f"{money(c, commas)}元" for k, c in enumerate(chunks))
    total_word = rng.choice(("合计", "共计"))
    if kind == "loan":
        add(f"{facts_head}{arabic(contract)}，原告{plaintiff}与被告{dname}签订《借款合同》，约定借款金额为人民币"
            f"{capital(principal)}（{money(principal, commas)}元）。原告分{len(chunks)}次向被告{dname}交付借款，即{listed}，"
            f"{rng.choice(('', '以上'))}{total_word}{money(claim_total, commas)}元。", "facts")
    else:
        provisional = claim_total + Decimal(rng.randrange(1000, 9000, 100))
        add(f"{facts_head}{arabic(contract)}，原告{plaintiff}与被告{dname}签订《合作协议》，暂定合同价款"
            f"{money(provisional, commas)}元，据实结算。此后原告履行了义务，具体为{listed}，{total_word}"
            f"{money(claim_total, commas)}元，经双方结算确认的最终金额为{money(claim_total, commas)}元。", "facts")
    relative = ""
    if len(plaintiff) == 3 and rng.random() < 0.4:
        # A sibling sharing the generation character: similar to the plaintiff, not a misspelling.
        sibling = plaintiff[:2] + rng.choice([c for c in GIVEN if c not in plaintiff])
        if sibling not in used:
            used.add(sibling)
            relative = (f"原告之{rng.choice(('弟', '兄', '妹', '姐'))}{sibling}作为证人出庭，"
                        f"{sibling}陈述其曾陪同原告催款。")
    capital_note = f"被告{dname}的注册资本为{rng.choice((50, 100, 500))}万元。" if company_defendant and rng.random() < 0.5 else ""
    add(f"另查明，{witness}曾代表原告与被告{dname}对账，被告当时未提出异议。{relative}{capital_note}"
        f"被告{dname}至今未付款。", "facts2")
    temporal = ""
    law = "《中华人民共和国民法典》"
    if contract.year < 2021 or rng.random() < 0.0:
        temporal = "《最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定》第一条第二款，"
        law = "《中华人民共和国合同法》"
    reasoning = rng.choice(("本院认为，", "本院认为："))
    add(f"{reasoning}当事人之间的{cause[:-2]}关系依法成立，合法有效，双方均应按约履行。被告未按约付款，"
        f"应承担相应的民事责任，原告的诉讼请求于法有据，本院予以支持。", "reasoning")
    arts = "、".join(rng.sample(CIVIL_CODE_ARTICLES[kind] if law.endswith("民法典》") else ["第六十条", "第一百零七条"], 2))
    extra_reg = "《诉讼费用交纳办法》第二十九条，" if rng.random() < 0.3 else ""
    add(f"{rng.choice(('综上所述，', '据此，', ''))}依照{temporal}{law}{arts}，{extra_reg}"
        f"《中华人民共和国民事诉讼法》第六十七条之规定，判决如下：", "decision")
    who = "、".join(defendants if kind == "loan" else [defendant])
    payee = f"原告{plaintiff}"
    two_items = kind == "loan" or rng.random() < 0.5
    if two_items:
        add(f"一、被告{who}于本判决生效之日起十日内{'共同' if len(defendants) > 1 and kind == 'loan' else ''}"
            f"{'偿还' if kind == 'loan' else '支付'}{payee}{'借款本金' if kind == 'loan' else '款项'}"
            f"{money(claim_total, commas)}元；", "item1")
        add(f"二、驳回{payee}的其他诉讼请求。", "item2")
    else:
        add(f"被告{who}于本判决生效后十日内支付{payee}款项{money(claim_total, commas)}元。", "item1")
    add(f"如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》{interest_article(signed)}"
        f"之规定，加倍支付迟延履行期间的债务利息。", "interest")
    fee = court_fee(claim_total)
    payable = (fee / 2).quantize(Decimal("0.01"), ROUND_HALF_UP) if simple else fee
    fee_text = f"案件受理费{money(fee, commas)}元"
    if simple:
        fee_text += f"，减半收取计{money(payable, commas)}元"
    if rng.random() < 0.3 and payable > 100:
        share = (payable * Decimal("0.1")).quantize(Decimal("0.01"), ROUND_HALF_UP)
        fee_text += f"，由原告{plaintiff}负担{money(share, commas)}元，由被告{dname}负担{money(payable - share, commas)}元。"
    else:
        fee_text += f"，由被告{'、'.join(dnames)}负担。"
    add(fee_text, "fee")
    add(f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按照对方当事人或者代表人的人数提出副本，"
        f"上诉于{appeal}。", "appeal")
    spaced = rng.random() < 0.3
    for role, name in bench:
        label = "\u3000".join(role) if spaced and len(role) == 3 else role
        add(f"{label}\u3000{name}", "signature")
    if rng.random() < 0.3:
        add("")
    add(chinese_date(signed), "date")
    add("本件与原本核对无异", "certified")
    if assistant:
        add(f"法官助理\u3000{assistant}")
    add(f"{'书　记　员' if spaced else '书记员'}\u3000{clerk}", "clerk")
    facts = dict(court=court, appeal=appeal, prov=prov, city=city, other_city=other_city, districts=districts,
                 district=district, number=number, pcode=pcode, ccode=ccode, dcode=dcode, filing=filing,
                 hearing=hearing, signed=signed, plaintiff=plaintiff, defendant=defendant, d_short=d_short,
                 witness=witness, contract=contract, principal=principal, chunks=chunks, claim_total=claim_total,
                 fee=fee, payable=payable, commas=commas, simple=simple, kind=kind, used=used)
    return Judgment(P, parts, facts)


DEFECT_KINDS = [
    ("case_number", "mixed_brackets"), ("case_number", "missing_hao"), ("case_number", "bad_type_code"),
    ("case_number", "year_mismatch"), ("case_number", "body_differs"),
    ("party_name", "spelling"), ("party_name", "not_a_party"), ("party_name", "unknown_name"),
    ("amount", "capital_mismatch"), ("amount", "sum_mismatch"), ("amount", "fee_half"), ("amount", "fee_shares"),
    ("date", "impossible"), ("date", "hearing_before_filing"), ("date", "signature_before_filing"),
    ("date", "signature_arabic"),
    ("missing_part", "no_appeal_notice"), ("missing_part", "no_clerk"), ("missing_part", "no_fee"),
    ("missing_part", "no_operative"),
    ("appeal_court", "basic_court"), ("appeal_court", "same_court"), ("appeal_court", "high_court"),
    ("appeal_court", "other_city"),
    ("citation", "short_title"), ("citation", "arabic_article"), ("citation", "repealed_law"),
]


def plant(clean: Judgment, kind: tuple[str, str], rng: random.Random) -> Judgment | None:
    """Return a copy of ``clean`` with one defect of ``kind`` planted (None if it cannot be)."""
    j = copy.deepcopy(clean)
    P, parts, f = j.paragraphs, j.parts, j.facts
    dtype, variant = kind

    def mark(index: int, related: list[int] | None = None) -> Judgment:
        j.defects.append(Defect(dtype, variant, index, related or []))
        return j

    def replace(index: int, old: str, new: str, count: int = 1) -> bool:
        if old not in P[index]:
            return False
        P[index] = P[index].replace(old, new, count)
        return True

    def remove(index: int) -> None:
        del P[index]
        for key, value in list(parts.items()):
            if value > index:
                parts[key] = value - 1

    cn = parts["case_number"]
    if variant == "mixed_brackets":
        P[cn] = P[cn].replace("）", ")", 1)
        return mark(cn)
    if variant == "missing_hao":
        P[cn] = P[cn].rstrip("号")
        return mark(cn)
    if variant == "bad_type_code":
        P[cn] = P[cn].replace("民初", rng.choice(("民审", "民初终", "民一初")))
        return mark(cn)
    if variant == "year_mismatch":
        y = f["filing"].year
        P[cn] = P[cn].replace(f"（{y}）", f"（{y + rng.choice((-1, 1))}）")
        return mark(cn)
    if variant == "body_differs":
        seq = int(f["number"].split("民初")[1].rstrip("号"))
        other = f["number"].replace(f"民初{seq}号", f"民初{seq + rng.randint(1, 9)}号")
        proc = parts["procedure"]
        P[proc] = P[proc].replace("本案现已审理终结。",
                                  f"审理中，原告申请财产保全，本院于{arabic(f['filing'] + dt.timedelta(days=3))}"
                                  f"作出{other}民事裁定。本案现已审理终结。")
        return mark(proc, [cn])
    if variant == "spelling":
        name = f["plaintiff"] if rng.random() < 0.6 else (f["d_short"] or f["defendant"])
        pos = rng.randrange(1, len(name))
        pool = [c for c in GIVEN + list("华新信源通达") if c != name[pos]]
        wrong = name[:pos] + rng.choice(pool) + name[pos + 1:]
        for key in rng.sample(["reasoning", "facts", "facts2", "item1"], 4):
            if name in P[parts[key]] and wrong not in f["used"]:
                P[parts[key]] = P[parts[key]].replace(name, wrong, 1)
                return mark(parts[key])
        return None
    if variant == "not_a_party":
        it = parts["item1"]
        if replace(it, f"原告{f['plaintiff']}", f"原告{f['plaintiff']}、{f['witness']}"):
            return mark(it)
        return None
    if variant == "unknown_name":
        it = parts["item1"]
        newcomer = _name(rng, set(f["used"]))
        target = f["defendant"]
        if replace(it, f"被告{target}", f"被告{target}、{newcomer}"):
            return mark(it)
        return None
    if variant == "capital_mismatch":
        fa = parts["facts"]
        if f["kind"] != "loan":
            return None
        bump = f["principal"] + Decimal(rng.choice((1000, 5000, 10000)))
        if replace(fa, capital(f["principal"]), capital(bump)):
            return mark(fa)
        return None
    if variant == "sum_mismatch":
        fa = parts["facts"]
        total = money(f["claim_total"], f["commas"])
        wrong = money(f["claim_total"] + Decimal(rng.choice((100, 1000, 2000))), f["commas"])
        for word in ("合计", "共计"):
            if replace(fa, f"{word}{total}元", f"{word}{wrong}元"):
                return mark(fa)
        return None
    if variant == "fee_half":
        fe = parts["fee"]
        if not f["simple"]:
            return None
        wrong = money(f["payable"] + Decimal(rng.choice((10, 50, 100))), f["commas"])
        if replace(fe, f"减半收取计{money(f['payable'], f['commas'])}元", f"减半收取计{wrong}元"):
            return mark(fe)
        return None
    if variant == "fee_shares":
        fe = parts["fee"]
        if "负担" not in P[fe] or P[fe].endswith("负担。"):
            P[fe] = P[fe].rsplit("，由", 1)[0] + (f"，由原告{f['plaintiff']}负担50元，由被告"
                                                   f"{f['d_short'] or f['defendant']}负担"
                                                   f"{money(f['payable'] - 50 + Decimal(rng.choice((20, 100))), f['commas'])}元。")
            return mark(fe)
        return None
    if variant == "impossible":
        fa = parts["facts"]
        c = f["contract"]
        bad = rng.choice((f"{c.year}年2月30日", f"{c.year}年4月31日", f"{c.year}年6月31日"))
        if replace(fa, arabic(c), bad):
            return mark(fa)
        return None
    if variant == "hearing_before_filing":
        pr = parts["procedure"]
        early = f["filing"] - dt.timedelta(days=rng.randint(3, 30))
        if replace(pr, f"于{arabic(f['hearing'])}", f"于{arabic(early)}"):
            return mark(pr)
        return None
    if variant == "signature_before_filing":
        d = parts["date"]
        P[d] = chinese_date(f["filing"] - dt.timedelta(days=rng.randint(2, 40)))
        return mark(d, [parts["procedure"]])
    if variant == "signature_arabic":
        d = parts["date"]
        s = f["signed"]
        P[d] = rng.choice((arabic(s), chinese_date(s).split("年")[0] + f"年{s.month}月{s.day}日"))
        return mark(d)
    if variant == "no_appeal_notice":
        remove(parts["appeal"])
        return mark(parts["fee"])
    if variant == "no_clerk":
        remove(parts["clerk"])
        return mark(len(P) - 1)
    if variant == "no_fee":
        remove(parts["fee"])
        return mark(parts["interest"])
    if variant == "no_operative":
        for key in ("item2", "item1"):
            if key in parts:
                remove(parts[key])
        return mark(parts["decision"])
    if variant in ("basic_court", "same_court", "high_court", "other_city"):
        ap = parts["appeal"]
        other_district = next(d for d, _ in f["districts"] if d != f["district"])
        wrong = {
            "basic_court": f"{f['prov']}{f['city']}{other_district}人民法院",
            "same_court": f["court"],
            "high_court": f"{f['prov']}高级人民法院",
            "other_city": f"{f['prov']}{f['other_city']}中级人民法院",
        }[variant]
        if replace(ap, f["appeal"], wrong):
            return mark(ap)
        return None
    if variant == "short_title":
        dc = parts["decision"]
        if replace(dc, "《中华人民共和国民法典》", "《民法典》"):
            return mark(dc)
        return None
    if variant == "arabic_article":
        dc = parts["decision"]
        for art in CIVIL_CODE_ARTICLES[f["kind"]]:
            if art in P[dc]:
                number = cn2an.cn2an(art[1:-1], "normal")
                P[dc] = P[dc].replace(art, f"第{number}条", 1)
                return mark(dc)
        return None
    if variant == "repealed_law":
        dc = parts["decision"]
        if f["contract"].year < 2021:
            return None
        law = rng.choice(("《中华人民共和国合同法》", "《中华人民共和国侵权责任法》", "《中华人民共和国担保法》"))
        if replace(dc, "《中华人民共和国民法典》", law):
            return mark(dc)
        return None
    raise ValueError(f"unknown defect kind {kind}")
