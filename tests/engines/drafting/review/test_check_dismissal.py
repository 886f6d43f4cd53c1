"""Partial award without 驳回其他诉讼请求 (check_dismissal.py): true and tolerated forms."""
from tests.helpers.review_texts import BASE, P, edited, errors, findings

ITEM2 = "二、被告杭州远舟装饰工程有限公司于本判决生效之日起十日内赔偿原告林晓东损失8000元。"


def without_item2(lines):
    """The judgment with its second item dropped and the first ending the 主文."""
    out = list(lines)
    del out[P["item2"]]
    out[P["item1"]] = out[P["item1"]].replace("一、", "").replace("40000元；", "40000元。")
    return out


def test_full_award_needs_no_dismissal():
    assert "dismissal_missing" not in errors(BASE)


def test_plaintiff_claim_refused_in_the_reasoning():
    refused = edited(P["reasoning"], "应当返还装修款40000元。",
                     "应当返还装修款40000元。林晓东主张远舟公司赔偿损失8000元，未提交证据证明，本院不予支持。")
    assert "dismissal_missing" in errors(without_item2(refused))
    by_role = edited(P["reasoning"], "应当返还装修款40000元。",
                     "应当返还装修款40000元。原告要求被告赔偿损失8000元，缺乏依据，本院不予支持。")
    assert "dismissal_missing" in errors(without_item2(by_role))
    later = edited(P["reasoning"], "应当返还装修款40000元。",
                   "应当返还装修款40000元。对于原告请求赔偿停工期间损失8000元的诉讼请求，因未提供证据，本院不予支持，"
                   "原告可待证据充分后另行主张。")
    assert "dismissal_missing" in errors(without_item2(later))
    object_only = edited(P["reasoning"], "应当返还装修款40000元。",
                         "应当返还装修款40000元。对于原告要求损失由两被告共同承担一节，因证据不足，故原告要求被告郑海波"
                         "赔偿损失的诉讼请求，本院不予支持。")
    assert "dismissal_missing" in errors(without_item2(object_only))
    dismissed = without_item2(refused)
    dismissed.insert(P["item2"], "二、驳回原告林晓东的其他诉讼请求。")
    dismissed[P["item1"]] = "一、" + dismissed[P["item1"]].replace("40000元。", "40000元；")
    assert "dismissal_missing" not in errors(dismissed)


def test_defendant_argument_refused_is_not_a_partial_award():
    for sentence in ("远舟公司主张装修已部分完成，未提交证据，本院不予支持。",
                     "被告辩称装修已部分完成，本院不予支持。",
                     "远舟公司主张原告应支付违约金，原告主张不予支付，本院不予支持。",
                     "原告主张远舟公司构成根本违约，本院不予支持。"):
        lines = edited(P["reasoning"], "应当返还装修款40000元。", "应当返还装修款40000元。" + sentence)
        assert "dismissal_missing" not in errors(lines), sentence


def test_principal_claimed_above_the_award_with_interest_at_a_rate():
    claims = "1.远舟公司返还装修款40000元，并按年利率6%支付利息损失2000元；2.本案诉讼费用由远舟公司负担。"
    lines = edited(P["claims"], "1.远舟公司返还装修款40000元；2.远舟公司赔偿损失8000元；3.本案诉讼费用由远舟公司负担。", claims)
    partial = edited(P["item1"], "装修款40000元。", "装修款30000元，并以30000元为基数按年利率6%支付利息至付清之日止。",
                     without_item2(lines))
    found = findings(partial, "dismissal_missing", "error")
    assert found and "40000" in found[0].message and "30000元" in found[0].message
    # The whole principal awarded, interest at a rate instead of the claimed sum: not proved.
    full = edited(P["item1"], "装修款40000元。", "装修款40000元，并以40000元为基数按年利率6%支付利息至付清之日止。",
                  without_item2(lines))
    assert "dismissal_missing" not in errors(full)


def test_a_share_left_with_the_plaintiff_in_the_order_itself():
    lines = edited(P["claims"], "1.远舟公司返还装修款40000元；2.远舟公司赔偿损失8000元；3.本案诉讼费用由远舟公司负担。",
                   "远舟公司赔偿损失40000元。")
    partial = edited(P["item1"], "返还原告林晓东装修款40000元。",
                     "赔偿原告林晓东损失28000元（40000元×70%）；其余损失12000元由原告林晓东自行承担。",
                     without_item2(lines))
    assert "dismissal_missing" in errors(partial)


def test_net_claim_after_a_deduction():
    claims = "装修款40000元、损失8000元，计48000元，扣除远舟公司已退还的5000元后合计43000元。"
    lines = edited(P["claims"], "1.远舟公司返还装修款40000元；2.远舟公司赔偿损失8000元；3.本案诉讼费用由远舟公司负担。", claims)
    assert "dismissal_missing" not in errors(edited(P["item1"], "40000元", "35000元", lines))
    assert "dismissal_missing" in errors(edited(P["item1"], "40000元", "30000元", lines))


def test_changed_claims_and_second_instance_are_left_alone():
    lower = edited(P["item1"], "40000元", "30000元")
    assert "dismissal_missing" in errors(lower)
    changed = edited(P["claims"], "事实和理由：略。", "庭审中，林晓东将第一项诉讼请求变更为38000元。事实和理由：略。", lower)
    assert "dismissal_missing" not in errors(changed)


def test_any_dismissing_item_counts():
    lower = edited(P["item1"], "40000元", "30000元")
    lines = list(lower)
    lines[P["item2"]] = ITEM2.replace("。", "；")
    lines.insert(P["item2"] + 1, "三、驳回原告林晓东要求被告杭州远舟装饰工程有限公司返还其余装修款的诉讼请求。")
    assert "dismissal_missing" not in errors(lines)
