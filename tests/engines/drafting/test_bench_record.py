"""The signature block against the case's 审判组织 (issue 14 item 3): a 独任 case signed by a
审判长 or a panel, or a 合议庭 case signed by one judge, is an error naming both."""
from __future__ import annotations

from engines.drafting.review import CaseFacts, review_paragraphs

HEAD = ["北京市朝阳区人民法院", "民事判决书", "（2024）京0105民初12345号", "原告：张晓明，男，汉族。",
        "被告：北京华信商贸有限公司。", "原告张晓明与被告北京华信商贸有限公司民间借贷纠纷一案，本院依法适用普通程序，公开开庭进行了审理。",
        "判决如下：", "驳回原告张晓明的诉讼请求。"]
SINGLE = ["审判员\u3000\u3000王法官", "二〇二四年六月一日", "书记员\u3000\u3000李书记员"]
PANEL = ["审判长\u3000\u3000王法官", "审判员\u3000\u3000钱法官", "人民陪审员\u3000\u3000赵陪审", "二〇二四年六月一日",
         "书记员\u3000\u3000李书记员"]


def bench_findings(paragraphs, bench):
    result = review_paragraphs(paragraphs, CaseFacts(bench=bench))
    return [f for f in result.findings if f.rule == "bench_record"]


def test_signature_matching_the_bench_is_fine_and_an_unknown_bench_is_not_checked():
    assert bench_findings(HEAD + SINGLE, "独任") == []
    assert bench_findings(HEAD + PANEL, "合议庭") == []
    assert bench_findings(HEAD + PANEL, "") == []


def test_a_panel_signature_on_a_single_judge_case_and_the_reverse_are_errors():
    wrong = bench_findings(HEAD + PANEL, "独任")
    assert len(wrong) == 1 and wrong[0].severity == "error"
    assert "审判长王法官" in wrong[0].message and "独任审判" in wrong[0].message
    lonely = bench_findings(HEAD + SINGLE, "合议庭")
    assert len(lonely) == 1 and "合议庭" in lonely[0].message and "审判员王法官" in lonely[0].message
    presiding_alone = bench_findings(HEAD + ["审判长\u3000\u3000王法官"] + SINGLE[1:], "独任")
    assert len(presiding_alone) == 1
