"""The wording of the real-shape dossiers: one function per kind of paper, two+ wordings each.

Every text is written for this project in the shape of real court paperwork; names, courts,
companies and numbers are invented. ``family`` 0 (dev half) and 1 (held-out half) pick
different wordings and layouts. A maker returns (category, printed title, head, paragraphs,
style changes, scan probability) per document; ``head`` is a dict for a title block drawn by
the layout code or a list of lines for forms that print their own head.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from tests.helpers.paperwork_pdf import BREAK, Ln

CN = "〇一二三四五六七八九"
SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华慧巧美霞平刚桂建文辉力志永健世春晓冬梅兰凤玉珍海波宁浩然轩欣怡佳琪涵远嘉雨"
COURTS = [[("西安市未央区人民法院", "陕0112"), ("长沙市雨花区人民法院", "湘0111"), ("合肥市蜀山区人民法院", "皖0104"),
           ("济南市历下区人民法院", "鲁0102")],
          [("昆明市五华区人民法院", "云0102"), ("南昌市青山湖区人民法院", "赣0111"), ("太原市小店区人民法院", "晋0105"),
           ("福州市鼓楼区人民法院", "闽0102")]]
LENDERS = [["锦程汽车金融有限公司", "东方融资租赁有限公司", "华瑞消费金融股份有限公司"],
           ["安泰汽车金融有限责任公司", "远航融资租赁（天津）有限公司", "信和小额贷款有限公司"]]
CONTRACTS = [["汽车贷款合同", "个人汽车消费贷款合同", "融资租赁合同"], ["汽车抵押贷款合同", "个人消费借款合同", "售后回租合同"]]
CAUSES = {"汽车贷款合同": "金融借款合同纠纷", "个人汽车消费贷款合同": "金融借款合同纠纷", "融资租赁合同": "融资租赁合同纠纷",
          "汽车抵押贷款合同": "金融借款合同纠纷", "个人消费借款合同": "借款合同纠纷", "售后回租合同": "融资租赁合同纠纷"}
FIRMS = ["北京德衡律师事务所", "上海申达律师事务所", "广东南粤律师事务所", "湖南楚天律师事务所", "陕西秦风律师事务所"]


def cn_year(y: int) -> str:
    """二〇一九."""
    return "".join(CN[int(c)] for c in str(y))


def cn_small(n: int) -> str:
    """Month / day in Chinese numerals (十六, 二十, 九)."""
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


def cn_date(d: tuple[int, int, int]) -> str:
    """二〇一九年九月十六日."""
    return f"{cn_year(d[0])}年{cn_small(d[1])}月{cn_small(d[2])}日"


def ar_date(d: tuple[int, int, int]) -> str:
    """2019年9月16日."""
    return f"{d[0]}年{d[1]}月{d[2]}日"


def person(rnd: random.Random) -> str:
    """An invented personal name."""
    return rnd.choice(SURN) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice([1, 2, 2])))


def id_number(rnd: random.Random, year: int) -> str:
    """An invented 18-digit ID number (not a valid one)."""
    return f"{rnd.randint(110000, 650000)}{year}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}{rnd.randint(100, 999)}{rnd.choice('0123456789X')}"


@dataclass
class Case:
    """The invented case."""

    court: str
    code: str
    number: str
    cause: str
    contract: str
    plaintiff: str
    defendants: list[str]
    legal_rep: str
    amount: int
    filed: tuple[int, int, int]
    signed: tuple[int, int, int]
    judge: str
    clerk: str
    lawyer: str
    firm: str
    car: str


def make_case(rnd: random.Random, family: int) -> Case:
    """A finance-company case against one or two borrowers."""
    court, code = rnd.choice(COURTS[family])
    year = rnd.choice([2018, 2019, 2020, 2021])
    contract = rnd.choice(CONTRACTS[family])
    filed = (year, rnd.randint(2, 11), rnd.randint(1, 28))
    return Case(court, code, f"（{year}）{code}民初{rnd.randint(1000, 19999)}号", CAUSES[contract], contract,
                rnd.choice(LENDERS[family]), [person(rnd) for _ in range(rnd.choice([1, 2]))], person(rnd),
                rnd.randint(40, 300) * 1000 + rnd.randint(0, 999), filed, (year - rnd.choice([1, 2]), rnd.randint(1, 12), rnd.randint(1, 28)),
                person(rnd), person(rnd), person(rnd), rnd.choice(FIRMS), rnd.choice(["大众", "别克", "丰田", "长安", "吉利"]))


def _money(n: int) -> str:
    return f"{n:,}.{n % 97:02d}" if n % 3 else f"{n}"


def _head(title: str, court: str | None = None, number: str | None = None, pos: str = "right") -> dict:
    return {"title": title, "court": court, "number": number, "number_pos": pos}


def _defs(c: Case) -> str:
    return "、".join(c.defendants)


# -- makers ------------------------------------------------------------------------------
def cover(c: Case, rnd, fam):
    lines = [Ln(c.court, 18, "center", 18), Ln(rnd.choice(["民事诉讼卷宗", "诉 讼 卷 宗", "民事案件卷宗（正卷）"]), 26, "center", 30)]
    rows = [f"案号：{c.number}", f"案由：{c.cause}", f"原告：{c.plaintiff}", f"被告：{_defs(c)}",
            f"立案日期：{ar_date(c.filed) if fam == 0 else cn_date(c.filed)}", "结案日期：", f"承办人：{c.judge}", f"书记员：{c.clerk}",
            "结案方式：判决", "保管期限：永久", "本卷共 页"]
    lines += [Ln(r, 14, "left", 14, indent=60) for r in rows]
    return [("卷宗封面", "卷宗封面", lines, [], {}, 0.5)]


def toc(c: Case, rnd, fam):
    rows = ["序号  文件材料名称  页号  备注"] + [f"{i}  {t}  {i * 2 - 1}" for i, t in enumerate(
        ["起诉状", "受理案件通知书", "证据材料", "送达回证", "庭审笔录", "判决书", "送达回证"], 1)]
    return [("卷内目录", "卷内目录", _head("卷 内 目 录" if fam else "卷内文书目录"), [Ln(r, 12, "left", 12) for r in rows], {}, 0.3)]


def complaint(c: Case, rnd, fam):
    title = rnd.choice(["民事起诉状", "起诉状"] if fam == 0 else ["民事起诉状", "起诉状", "民事起诉状（要素式）"])
    p = [f"原告：{c.plaintiff}，住所地{c.court[:2]}市高新区锦业路{rnd.randint(1, 99)}号。",
         f"统一社会信用代码：91{rnd.randint(10**15, 10**16 - 1)}。", f"法定代表人：{c.legal_rep}，该公司董事长。",
         f"委托诉讼代理人：{c.lawyer}，{c.firm}律师。"]
    for d in c.defendants:
        p.append(f"被告：{d}，{'男' if rnd.random() < .5 else '女'}，{rnd.randint(1970, 1995)}年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日出生，汉族，住{c.court[:2]}市某区某路{rnd.randint(1, 200)}号，公民身份号码{id_number(rnd, 1985)}。")
    p += ["诉讼请求：", f"一、判令被告{c.defendants[0]}立即偿还原告借款本金{_money(c.amount)}元及利息、罚息（暂计至{ar_date(c.filed)}为{rnd.randint(2000, 30000)}元，之后按合同约定计至实际清偿之日止）；",
          f"二、判令原告对被告{c.defendants[0]}名下{c.car}牌小型轿车享有抵押权，并就该车辆折价或者拍卖、变卖所得价款在上述债权范围内优先受偿；",
          "三、本案诉讼费、保全费等费用由被告承担。", "事实与理由："]
    first = f"{ar_date(c.signed)}，原告与被告{c.defendants[0]}签订《{c.contract}》，约定被告向原告借款{_money(c.amount)}元用于购买车辆，借款期限三十六个月，按月等额还款。"
    if rnd.random() < 0.6:
        p.append(BREAK)  # the next page starts on the quoted contract
    p += [first, "合同签订后，原告依约发放了贷款。被告自第十四期起未按约还款，经原告多次催收，至今仍拖欠。根据合同约定，借款人连续三期未还款的，贷款人有权宣布贷款全部提前到期。",
          "原告认为，原被告之间的借款合同合法有效，被告未按约履行还款义务，已构成违约，应当承担相应的违约责任。为维护原告的合法权益，特依据《中华人民共和国民事诉讼法》的相关规定，向贵院提起诉讼，请依法判决。",
          "此致", c.court, Ln(f"具状人：{c.plaintiff}", 12, "right", 8), Ln(ar_date((c.filed[0], c.filed[1], max(1, c.filed[2] - 3))), 12, "right", 8)]
    head = _head(title)
    patch = {"seal": c.plaintiff[:8]} if rnd.random() < 0.5 else {}
    return [("起诉状", title, head, p, patch, 0.15)]


def legal_rep_cert(c: Case, rnd, fam):
    title = rnd.choice(["法定代表人证明书", "法定代表人身份证明书"] if fam == 0 else ["法定代表人证明书", "法定代表人身份证明", "法人代表身份证明书"])
    p = [f"{c.legal_rep}在我单位任董事长职务，是我单位的法定代表人。", "特此证明。",
         "附：法定代表人住址、电话" if rnd.random() < .5 else "", Ln(f"单位名称（盖章）：{c.plaintiff}", 12, "right"),
         Ln(ar_date(c.filed), 12, "right")]
    return [("身份证明材料", title, _head(title), [x for x in p if x], {"seal": c.plaintiff[:8]}, 0.3)]


def licence(c: Case, rnd, fam):
    lines = [Ln("营 业 执 照", 26, "center", 16), Ln("（副本）", 14, "center", 14)]
    rows = [f"统一社会信用代码 91{rnd.randint(10**15, 10**16 - 1)}", f"名　　称 {c.plaintiff}", "类　　型 有限责任公司",
            f"法定代表人 {c.legal_rep}", "经营范围 汽车金融业务；向个人及机构提供汽车贷款", "注册资本 伍亿元整", "成立日期 2010年06月18日",
            "住　　所 某市高新区科技路88号", "登记机关", "国家企业信用信息公示系统网址"]
    lines += [Ln(r, 12, "left", 12) for r in rows]
    return [("身份证明材料", "营业执照", lines, [], {}, 0.8)]


def id_copies(c: Case, rnd, fam):
    """ID-card copies of each defendant: front with or without a title, then back."""
    out = []
    for d in c.defendants:
        with_title = rnd.random() < 0.5
        rows = [f"姓名 {d}", f"性别 {'男' if rnd.random() < .5 else '女'}  民族 汉", f"出生 {rnd.randint(1970, 1995)} 年 {rnd.randint(1, 12)} 月 {rnd.randint(1, 28)} 日",
                f"住址 {c.court[:2]}市某区某街道{rnd.randint(1, 99)}号", f"公民身份号码 {id_number(rnd, 1988)}",
                "中华人民共和国", "居民身份证", "签发机关 某市公安局某分局", f"有效期限 2015.0{rnd.randint(1, 9)}.12-2035.0{rnd.randint(1, 9)}.12"]
        if rnd.random() < 0.3:
            rows.append("本复印件与原件核对无异")
        head = [Ln(rnd.choice(["居民身份证复印件", "身份证复印件"]), 16, "center", 14)] if with_title else []
        out.append(("身份证明材料", head[0].text if head else "居民身份证", head, [Ln(r, 12, "left", 14, indent=40) for r in rows],
                    {"top": rnd.choice([120, 160, 220])}, 0.9))
    return out


def attorney(c: Case, rnd, fam):
    out = []
    letter = rnd.choice(["律师事务所函", "律 师 事 务 所 函"] if fam == 0 else ["律师事务所函", "律所函"])
    out.append(("授权委托书", letter.replace(" ", ""), [Ln(c.firm, 16, "center", 8), Ln(letter, 20, "center", 12),
                Ln(f"（{c.filed[0]}）{c.firm[2:4]}民字第{rnd.randint(10, 999)}号", 11, "right", 10)],
                [f"{c.court}：", f"本所接受{c.plaintiff}的委托，指派{c.lawyer}律师担任其与{_defs(c)}{c.cause}一案一审的诉讼代理人。", "特此函告。",
                 "附：授权委托书一份", Ln(c.firm, 12, "right"), Ln(ar_date(c.filed), 12, "right")], {}, 0.2))
    title = "授权委托书"
    out.append(("授权委托书", title, _head(title), [f"委托人：{c.plaintiff}", f"法定代表人：{c.legal_rep}", f"受委托人：{c.lawyer}，{c.firm}律师，联系电话1{rnd.randint(3, 9)}{rnd.randint(10**8, 10**9 - 1)}。",
                f"现委托上列受委托人在我方与{_defs(c)}{c.cause}一案中，作为我方的诉讼代理人。",
                "代理人的代理权限为：特别授权，代为起诉、调解、和解，代为承认、放弃、变更诉讼请求，代为签收法律文书，代为申请执行。",
                Ln("委托人（盖章）：", 12, "right"), Ln(ar_date(c.filed), 12, "right")], {"seal": c.plaintiff[:8]}, 0.2))
    return out


def evidence(c: Case, rnd, fam):
    out = []
    t = rnd.choice(["证据目录", "证据清单"] if fam == 0 else ["证据目录", "原告证据目录及说明"])
    rows = ["序号 证据名称 证明目的 页码", f"1 《{c.contract}》 证明原被告之间存在借款合同关系 1-4", "2 放款凭证 证明原告已依约发放贷款 5",
            "3 还款明细 证明被告逾期未还款 6", "4 抵押登记证明 证明原告享有抵押权 7"]
    out.append(("证据材料", t, _head(t), [Ln(r, 11, "left", 10) for r in rows] + [Ln(f"提交人：{c.plaintiff}", 12, "right")], {}, 0.2))
    # The finance company's contract: a cover clause page and several pages of clauses.
    clauses = [f"借款人：{c.defendants[0]}", f"贷款人：{c.plaintiff}", f"合同编号：JR{rnd.randint(10**8, 10**9)}",
               "鉴于借款人向贷款人申请贷款用于购买车辆，双方经平等协商，订立本合同。"]
    topics = ["借款金额与用途", "借款期限", "利率与利息", "还款方式", "担保", "提前还款", "违约责任", "合同的变更与解除",
              "争议解决", "通知与送达", "其他约定"]
    for i, topic in enumerate(topics, 1):
        clauses.append(Ln(f"第{cn_small(i)}条 {topic}", 12, "left", 6))
        clauses.append(f"{i}.1 借款人应按照本合同附件《还款计划表》的约定按期足额归还借款本息。借款人未按期还款的，贷款人有权按约定利率上浮百分之五十计收罚息，并对未支付的利息计收复利。")
        if topic in ("担保", "争议解决"):
            clauses.append(f"{i}.2 本合同项下的抵押物为借款人以贷款购买的{c.car}牌车辆，借款人应于购车后三十日内办理抵押登记。因本合同发生的争议，由贷款人所在地人民法院管辖。")
    clauses += ["（以下无正文）", Ln("借款人（签字）：", 12, "left"), Ln("贷款人（盖章）：", 12, "right")]
    out.append(("证据材料", c.contract, _head(c.contract, number=f"合同编号：{rnd.randint(10**6, 10**7)}"), clauses,
                {"footer": rnd.choice(["第{n}页 共{t}页", "{n}/{t}", ""])}, 0.3))
    plan = ["期数 还款日 应还本金 应还利息 合计"] + [f"{k} {c.signed[0] + (c.signed[1] + k) // 12}-{(c.signed[1] + k) % 12 + 1:02d}-15 {c.amount // 36} {rnd.randint(200, 900)} {c.amount // 36 + 500}" for k in range(1, 19)]
    t = rnd.choice(["还款计划表", "还款明细", "客户还款明细表"])
    out.append(("证据材料", t, [Ln(t, rnd.choice([12, 14, 16]), rnd.choice(["left", "center"]), 10)], [Ln(r, 10.5, "left", 6) for r in plan], {}, 0.4))
    t = rnd.choice(["放款凭证", "贷款发放凭证", "转账凭证"])
    out.append(("证据材料", t, [Ln("某某银行", 12, "left", 6), Ln(t, 14, "center", 10)],
                [Ln(r, 12, "left", 10) for r in [f"付款人：{c.plaintiff}", f"收款人：{c.car}汽车销售服务有限公司", f"金额：{_money(c.amount)}",
                                                  f"用途：代{c.defendants[0]}支付购车款", f"交易日期：{ar_date(c.signed)}", "交易流水号：2019" + str(rnd.randint(10**9, 10**10))]], {}, 0.7))
    return out


def acceptance(c: Case, rnd, fam):
    out = []
    n = c.number
    if fam == 0:
        body = [f"{c.plaintiff}：", f"你方诉{_defs(c)}{c.cause}一案的起诉状已收到。经审查，起诉符合法定受理条件，本院决定立案审理。现将有关事项通知如下：",
                "一、在诉讼过程中，当事人必须依法行使诉讼权利，有权行使民事诉讼法规定的各项权利，同时也必须遵守诉讼秩序，履行诉讼义务。",
                "二、应在接到本通知后七日内向本院预交案件受理费。逾期不交纳的，按撤诉处理。",
                "三、本院已开通电子送达，当事人可登录人民法院在线服务平台查收诉讼文书，电子送达与其他方式送达具有同等法律效力。",
                "四、应当提供确切的送达地址并填写送达地址确认书。", Ln(c.court, 12, "right", 8), Ln(cn_date(c.filed), 12, "right", 8)]
    else:
        body = [f"{c.plaintiff}：", f"你方与{_defs(c)}{c.cause}一案，本院于{cn_date(c.filed)}立案受理。依照《中华人民共和国民事诉讼法》第一百二十六条的规定，现将有关事项通知如下：",
                "1. 本案适用简易程序审理，由审判员独任审判。", "2. 当事人可以扫描下方二维码或登录移动微法院，查看案件进展、在线提交材料。",
                "3. 当事人应当如实填写送达地址确认书，因送达地址不准确导致文书未能被实际接收的，文书退回之日视为送达之日。",
                f"承办人：{c.judge}  联系电话：0{rnd.randint(10, 99)}-{rnd.randint(10**7, 10**8 - 1)}", Ln("（院印）", 12, "right", 8)]
    out.append(("受理案件通知书", "受理案件通知书", _head("受理案件通知书", c.court, n), body, {"seal": c.court}, 0.25))
    if rnd.random() < 0.6:
        risk = ["为方便当事人诉讼，保护当事人合法权益，根据《中华人民共和国民事诉讼法》的有关规定，现将常见的诉讼风险提示如下："] + [
            f"{cn_small(i)}、{t}" for i, t in enumerate(["起诉不符合条件：当事人起诉不符合法律规定条件的，人民法院不予受理；已经受理的，裁定驳回起诉。",
                                                         "诉讼请求不适当：当事人提出的诉讼请求应明确、具体、完整，对未提出的诉讼请求人民法院不予审理。",
                                                         "逾期交纳诉讼费用：原告未按规定预交案件受理费，又不提出缓交、减交、免交申请的，按撤诉处理。",
                                                         "举证不能或不充分：当事人对自己提出的主张有责任提供证据，不能提供证据的，承担不利后果。",
                                                         "超过举证时限提供证据：当事人逾期提供证据的，人民法院可以不予采纳或者予以训诫、罚款。",
                                                         "不按时出庭：原告经传票传唤无正当理由拒不到庭的，按撤诉处理。",
                                                         "申请财产保全不当：申请有错误的，申请人应当赔偿被申请人因保全所遭受的损失。"], 1)]
        out.append(("受理案件通知书", "诉讼风险提示书", _head("诉讼风险提示书", c.court), risk, {}, 0.2))
    return out


def fee(c: Case, rnd, fam):
    t = rnd.choice(["交纳诉讼费用通知书", "预交诉讼费用通知书"] if fam == 0 else ["诉讼费用交纳通知书", "案件受理费缴费通知"])
    amt = rnd.randint(800, 6000)
    body = [f"{c.plaintiff}：", f"你方诉{_defs(c)}{c.cause}一案，依照《诉讼费用交纳办法》的规定，应预交案件受理费{amt}元。请于收到本通知次日起七日内交纳。",
            "缴费方式：通过诉讼费网上缴费平台或至本院诉讼服务中心收费窗口交纳。", Ln(cn_date(c.filed), 12, "right")]
    out = [("诉讼费用材料", t, _head(t, c.court, c.number), body, {}, 0.2)]
    if rnd.random() < 0.6:
        out.append(("诉讼费用材料", "诉讼费缴费凭证", [Ln("非税收入一般缴款书（电子）", 13, "center", 8), Ln("诉讼费缴费凭证", 12, "left", 8)],
                    [Ln(r, 11, "left", 8) for r in [f"缴款人：{c.plaintiff}", f"金额：{amt}.00", "项目：案件受理费", f"执收单位：{c.court}", f"缴款日期：{ar_date(c.filed)}"]], {}, 0.6))
    return out


def court_notices(c: Case, rnd, fam):
    out = []
    for d in c.defendants:
        out.append(("应诉通知书", "应诉通知书", _head("应诉通知书", c.court, c.number),
                    [f"{d}：", f"本院受理{c.plaintiff}诉你{c.cause}一案，现随本通知发送起诉状副本一份。依照《中华人民共和国民事诉讼法》的规定，你应在收到起诉状副本之日起十五日内向本院提交答辩状。",
                     "你方应当在收到本通知之日起七日内提交身份证明材料，法人应提交营业执照副本及法定代表人身份证明书。", Ln(cn_date(c.filed), 12, "right")], {}, 0.2))
    out.append(("举证通知书", "举证通知书", _head("举证通知书", c.court, c.number),
                ["原告、被告：", "依照《最高人民法院关于民事诉讼证据的若干规定》，现将有关举证事项通知如下：",
                 "一、当事人对自己提出的诉讼请求所依据的事实或者反驳对方诉讼请求所依据的事实有责任提供证据加以证明。",
                 "二、本案举证期限为十五日，自收到本通知书的次日起计算。逾期提供证据的，承担相应的法律后果。", Ln(cn_date(c.filed), 12, "right")], {}, 0.2))
    for d in [c.plaintiff] + c.defendants:
        title = "传票"
        out.append(("传票", title, _head(title, c.court, c.number),
                    [Ln(r, 12, "left", 12) for r in [f"案由　{c.cause}", f"被传唤人　{d}", "工作单位或住址　", "传唤事由　开庭",
                                                       f"应到时间　{c.filed[0]}年{min(12, c.filed[1] + 1)}月{c.filed[2]}日 09:00", "应到处所　本院第十二法庭",
                                                       "注意事项：1.被传唤人必须准时到达应到处所。2.本票由被传唤人携带来院报到。"]], {}, 0.3))
    return out


def address_confirm(c: Case, rnd, fam):
    t = rnd.choice(["送达地址确认书", "当事人送达地址确认书"] if fam == 0 else ["送达地址确认书", "诉讼文书送达地址确认书"])
    rows = ["案号 " + c.number, f"受送达人 {c.plaintiff}", "告知事项 1.为便于当事人及时收到诉讼文书，保证诉讼程序顺利进行，当事人应当如实提供确切的送达地址。",
            "2.确认的送达地址适用于一审、二审和执行程序。", "是否接受电子送达 是", "电子邮箱 ", f"收件人 {c.lawyer}", "送达地址 某市某区某路88号",
            "受送达人确认 我已阅读本确认书的告知事项，提供了上栏送达地址，确认了上栏内容，并保证所提供的各项内容是真实的、准确的。"]
    return [("送达回证", t, _head(t, c.court), [Ln(r, 11.5, "left", 10) if len(r) < 40 else r for r in rows], {}, 0.4)]


def defence(c: Case, rnd, fam):
    t = rnd.choice(["民事答辩状", "答辩状"] if fam == 0 else ["答 辩 状", "民事答辩书"]).replace(" ", "")
    d = c.defendants[0]
    body = [f"答辩人：{d}，住某市某区。", f"被答辩人：{c.plaintiff}。", f"答辩人因被答辩人诉答辩人{c.cause}一案，提出答辩意见如下：",
            f"一、答辩人与被答辩人签订《{c.contract}》属实，但合同中的格式条款未经提示说明，对答辩人不发生效力。",
            "二、被答辩人主张的罚息及复利过高，请求法院依法予以调整。", "三、答辩人因疫情影响收入减少，并非恶意拖欠，愿意分期偿还。",
            "综上，请求法院依法驳回被答辩人的部分诉讼请求。", "此致", c.court, Ln(f"答辩人：{d}", 12, "right"), Ln(ar_date(c.filed), 12, "right")]
    return [("答辩状", t, _head(t), body, {}, 0.3)]


def receipts(c: Case, rnd, fam, served: str, count: int):
    out = []
    for d in ([c.plaintiff] + c.defendants)[:count]:
        rows = ["案由 " + c.cause, "案号 " + c.number, f"送达文书名称及件数 {served}", f"受送达人 {d}", "送达地址 ", "送达方式 " + rnd.choice(["直接送达", "邮寄送达", "留置送达"]),
                "受送达人签名或盖章 ", "代收人及代收理由 ", "送达人 ", "备考 "]
        out.append(("送达回证", "送达回证", _head("送达回证", c.court), [Ln(r, 12, "left", 16) for r in rows], {}, 0.45))
    if fam == 1 and rnd.random() < 0.5:
        out.append(("送达回证", "电子送达凭证", _head("电子送达凭证", c.court),
                    [f"受送达人：{c.plaintiff}", f"送达文书：{served}", "送达方式：短信、平台", f"送达时间：{ar_date(c.filed)} 10:12:33",
                     "送达结果：受送达人已于当日查阅，视为送达。"], {}, 0.1))
    return out


def receipts_first(c, rnd, fam):
    return receipts(c, rnd, fam, "起诉状副本、应诉通知书、举证通知书、传票", len(c.defendants) + 1)


def announcement(c: Case, rnd, fam):
    """公告 of several kinds: service by publication (a 送达回证-category paper) and hearing notices."""
    out = []
    d = c.defendants[-1]
    if rnd.random() < 0.7:
        t = rnd.choice(["公告", "公 告"])
        body = [f"{d}：", f"本院受理原告{c.plaintiff}诉你{c.cause}一案，因你下落不明，依照《中华人民共和国民事诉讼法》第九十二条的规定，向你公告送达起诉状副本、应诉通知书、举证通知书及开庭传票。自公告之日起经过三十日，即视为送达。",
                "提出答辩状的期限和举证的期限分别为公告期满后的十五日内。逾期将依法缺席判决。", "特此公告。", Ln(c.court, 12, "right"), Ln(cn_date(c.filed), 12, "right")]
        out.append(("送达回证", t.replace(" ", ""), _head(t, c.court), body, {}, 0.3))
    if rnd.random() < 0.7:
        body = [f"本院定于{cn_date((c.filed[0], min(12, c.filed[1] + 1), c.filed[2]))}上午九时在本院第十二法庭公开开庭审理原告{c.plaintiff}诉被告{_defs(c)}{c.cause}一案。", "特此公告。",
                Ln(c.court, 12, "right"), Ln(cn_date(c.filed), 12, "right")]
        t = rnd.choice(["开庭公告", "公告"])
        out.append(("开庭公告", t, _head(t, c.court), body, {}, 0.2))
    return out


def hearing(c: Case, rnd, fam):
    t = rnd.choice(["庭审笔录", "开庭笔录"] if fam == 0 else ["法庭审理笔录", "庭 审 笔 录"]).replace(" ", "")
    p = [f"时间：{ar_date((c.filed[0], min(12, c.filed[1] + 1), c.filed[2]))} 9时00分至10时20分", "地点：本院第十二法庭", f"审判员：{c.judge}", f"书记员：{c.clerk}",
         "书记员：请肃静，现在宣布法庭纪律。", "审：现在开庭。核对当事人身份。", f"原：{c.plaintiff}，委托诉讼代理人{c.lawyer}。", f"被：{c.defendants[0]}，未到庭。",
         "审：被告经本院合法传唤，无正当理由拒不到庭，本院依法缺席审理。", "审：下面进行法庭调查，原告陈述诉讼请求及事实与理由。", "原：坚持起诉状的诉讼请求和事实理由。"]
    p += [BREAK] if rnd.random() < 0.5 else []
    p += [f"《{c.contract}》第七条约定的违约责任是否适用于本案，原告作何说明？" if rnd.random() < 0.5 else "审：原告举证。",
          "原：合同约定连续三期逾期的，贷款提前到期，被告已连续逾期六期。", "审：原告出示证据。", "原：证据一，借款合同，证明借款关系；证据二，放款凭证；证据三，还款明细。",
          "审：法庭调查结束，下面进行法庭辩论。", "原：同意起诉意见。", "审：原告最后陈述。", "原：请求支持我方全部诉讼请求。", "审：今天庭审到此，休庭。",
          "（以下无正文）", "原告（签名）：", "审判员：", "书记员："]
    return [("庭审笔录", t, _head(t), p, {"footer": "第{n}页 共{t}页"} if rnd.random() < .5 else {}, 0.25)]


STATUTES = [("《中华人民共和国合同法》第二百零六条", "借款人应当按照约定的期限返还借款。对借款期限没有约定或者约定不明确，依照本法第六十一条的规定仍不能确定的，借款人可以随时返还；贷款人可以催告借款人在合理期限内返还。"),
            ("《中华人民共和国合同法》第二百零七条", "借款人未按照约定的期限返还借款的，应当按照约定或者国家有关规定支付逾期利息。"),
            ("《中华人民共和国物权法》第一百七十九条", "为担保债务的履行，债务人或者第三人不转移财产的占有，将该财产抵押给债权人的，债务人不履行到期债务时，债权人有权就该财产优先受偿。"),
            ("《中华人民共和国民事诉讼法》第一百四十四条", "被告经传票传唤，无正当理由拒不到庭的，或者未经法庭许可中途退庭的，可以缺席判决。"),
            ("《中华人民共和国民事诉讼法》第一百条", "人民法院对于可能因当事人一方的行为或者其他原因，使判决难以执行或者造成当事人其他损害的案件，根据对方当事人的申请，可以裁定对其财产进行保全。")]


def judgment(c: Case, rnd, fam):
    t = "民事判决书"
    d0 = c.defendants[0]
    p = [f"原告：{c.plaintiff}，住所地某市高新区。", f"法定代表人：{c.legal_rep}，董事长。", f"委托诉讼代理人：{c.lawyer}，{c.firm}律师。"]
    p += [f"被告：{d}，住某市某区。" for d in c.defendants]
    p += [f"原告{c.plaintiff}与被告{_defs(c)}{c.cause}一案，本院于{ar_date(c.filed)}立案后，依法适用简易程序，公开开庭进行了审理。原告的委托诉讼代理人{c.lawyer}到庭参加诉讼，被告经本院传票传唤无正当理由拒不到庭参加诉讼，本院依法缺席审理。本案现已审理终结。",
          f"{c.plaintiff}向本院提出诉讼请求：1.判令被告偿还借款本金{_money(c.amount)}元及利息、罚息；2.判令原告对抵押车辆享有优先受偿权；3.诉讼费用由被告承担。事实与理由："]
    p += [BREAK] if rnd.random() < 0.7 else []
    p += [f"{ar_date(c.signed)}，原告与被告{d0}签订《{c.contract}》，约定被告向原告借款{_money(c.amount)}元，借款期限三十六个月。合同签订后原告依约放款，被告未按约还款。",
          "被告未到庭，亦未提交答辩意见。", "本院经审理认定事实如下：原告与被告签订的借款合同系双方真实意思表示，内容不违反法律、行政法规的强制性规定，合法有效。",
          "本院认为，依法成立的合同，对当事人具有法律约束力。被告未按约定履行还款义务，应承担违约责任。原告对抵押车辆享有抵押权，有权就该车辆优先受偿。"]
    p += [BREAK] if rnd.random() < 0.5 else []
    p += ["依照《中华人民共和国合同法》第二百零六条、第二百零七条，《中华人民共和国物权法》第一百七十九条，《中华人民共和国民事诉讼法》第一百四十四条之规定，判决如下：",
          f"一、被告{d0}于本判决生效之日起十日内偿还原告{c.plaintiff}借款本金{_money(c.amount)}元及利息；",
          f"二、原告{c.plaintiff}对被告{d0}名下的{c.car}牌车辆折价或者拍卖、变卖所得价款在上述债权范围内享有优先受偿权；",
          "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百五十三条之规定，加倍支付迟延履行期间的债务利息。",
          f"案件受理费{rnd.randint(800, 3000)}元，减半收取，由被告负担。", "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于中级人民法院。",
          Ln(f"审判员　{c.judge}", 13, "right", 14), Ln(cn_date((c.filed[0], min(12, c.filed[1] + 2), c.filed[2])), 13, "right", 14),
          Ln("本件与原本核对无异", 11, "left", 10), Ln(f"书记员　{c.clerk}", 13, "right", 14)]
    if rnd.random() < 0.8:
        p += [BREAK, Ln(rnd.choice(["附：相关法律条文", "附：本判决适用的法律条文", "附相关法律条文："]), 13, "left", 12)]
        p += [f"{a}　{b}" for a, b in STATUTES[:4]]
    head = _head(t, c.court, c.number)
    return [("判决书", t, head, p, {"footer": rnd.choice(["第{n}页 共{t}页", "- {n} -", ""]), "header": c.number if rnd.random() < 0.3 else ""}, 0.2)]


def ruling(c: Case, rnd, fam):
    t = "民事裁定书"
    p = [f"申请人：{c.plaintiff}。", f"被申请人：{c.defendants[0]}。",
         f"申请人{c.plaintiff}与被申请人{c.defendants[0]}{c.cause}一案，申请人于{ar_date(c.filed)}向本院提出财产保全申请，请求冻结被申请人银行存款{_money(c.amount)}元或查封其他等值财产，并以担保公司出具的保函提供担保。",
         "本院经审查认为，申请人的申请符合法律规定。依照《中华人民共和国民事诉讼法》第一百条、第一百零二条之规定，裁定如下：",
         f"冻结被申请人{c.defendants[0]}名下银行存款{_money(c.amount)}元或查封、扣押其相应价值的财产。", "案件申请费5000元，由申请人预交。",
         "本裁定立即开始执行。", "如不服本裁定，可以向本院申请复议一次。复议期间不停止裁定的执行。",
         Ln(f"审判员　{c.judge}", 13, "right", 14), Ln(cn_date(c.filed), 13, "right", 14), Ln(f"书记员　{c.clerk}", 13, "right", 14)]
    if rnd.random() < 0.6:
        p += [BREAK, Ln("附：相关法律条文", 13, "left", 12)] + [f"{a}　{b}" for a, b in STATUTES[4:]]
    return [("裁定书", t, _head(t, c.court, c.number.replace("民初", "财保") if fam else c.number), p, {}, 0.2)]


def preservation(c: Case, rnd, fam):
    out = []
    t = rnd.choice(["财产保全申请书", "诉讼财产保全申请书"] if fam == 0 else ["保全申请书", "诉中财产保全申请书"])
    out.append(("其他材料", t, _head(t), [f"申请人：{c.plaintiff}", f"被申请人：{c.defendants[0]}", "请求事项：",
                                         f"请求依法冻结被申请人银行存款{_money(c.amount)}元或查封、扣押其等值财产。", "事实与理由：",
                                         f"申请人与被申请人{c.cause}一案已由贵院受理，为防止被申请人转移财产，特申请财产保全。", "此致", c.court,
                                         Ln(f"申请人：{c.plaintiff}", 12, "right")], {}, 0.2))
    t = rnd.choice(["担保函", "诉讼保全担保函", "保函"])
    out.append(("其他材料", t, _head(t), [f"致：{c.court}", f"鉴于申请人{c.plaintiff}向贵院申请财产保全，我公司愿意为其提供担保。如因申请错误给被申请人造成损失，由我公司承担赔偿责任。",
                                         f"担保金额：人民币{_money(c.amount)}元。", Ln("担保人：某某财产保险股份有限公司", 12, "right")], {}, 0.3))
    return out


def judgment_service(c: Case, rnd, fam):
    out = receipts(c, rnd, fam, "民事判决书", len(c.defendants) + 1)
    if rnd.random() < 0.8:
        d = c.defendants[-1]
        t = rnd.choice(["公告", "公  告"])
        out.append(("送达回证", "公告", _head(t, c.court),
                    [f"{d}：", f"本院受理原告{c.plaintiff}诉你{c.cause}一案，已经审理终结。现依法向你公告送达{c.number}民事判决书。自公告之日起经过三十日，即视为送达。如不服本判决，可在公告期满后十五日内，向本院递交上诉状，上诉于中级人民法院。",
                     "特此公告。", Ln(c.court, 12, "right"), Ln(cn_date((c.filed[0], min(12, c.filed[1] + 3), c.filed[2])), 12, "right")], {}, 0.3))
    return out


def remarks(c: Case, rnd, fam):
    t = rnd.choice(["卷内备考表", "备考表"])
    return [("备考表", t, _head(t), [Ln(r, 12, "left", 14) for r in [f"本卷共{rnd.randint(40, 90)}页，其中文字材料若干页。", "立卷人：" + c.clerk,
                                                                       "检查人：", f"立卷时间：{c.filed[0] + 1}年1月10日"]], {}, 0.2)]


@dataclass
class Kind:
    """One kind of paper: how often it appears, how many times, and its maker."""

    name: str
    make: Callable
    chance: float = 1.0
    count: Callable = lambda c, rnd: 1


KINDS = [Kind("cover", cover), Kind("toc", toc, 0.5), Kind("complaint", complaint), Kind("legal_rep", legal_rep_cert, 0.9),
         Kind("licence", licence, 0.7), Kind("id", id_copies), Kind("attorney", attorney, 0.9), Kind("evidence", evidence),
         Kind("acceptance", acceptance), Kind("fee", fee, 0.8), Kind("preservation", preservation, 0.7), Kind("ruling", ruling, 0.6),
         Kind("notices", court_notices), Kind("address", address_confirm, 0.8), Kind("receipts", receipts_first),
         Kind("announcement", announcement, 0.8), Kind("defence", defence, 0.5), Kind("hearing", hearing),
         Kind("judgment", judgment), Kind("judgment_service", judgment_service), Kind("remarks", remarks, 0.7)]
