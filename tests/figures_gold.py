"""Hand-checked figures from the sample documents, the yardstick for figure extraction.

Each entry was read off the document by a person, not produced by the extractor. ``anchor`` is a
short phrase just before the figure (simplified characters); the figure is the first one with the
given ``text`` at or after it. ``qualifier`` follows the documented rule (qualifiers next to the
number, plus 力争/争取/确保/累计/新增 at the head of the phrase, canonical spellings joined by "|");
``subject`` is a key term the extracted subject must contain (None: not checked). A bound before
a list covers every item of it (不少于450个、4200栋).
Seed 000 is listed completely, so it also measures precision; 001 and 003 are samples.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple


class G(NamedTuple):
    seed: str
    anchor: str
    text: str
    value: float
    unit: str
    qualifier: str | None
    subject: str | None
    per: str | None = None
    high: float | None = None


GOLD: tuple[G, ...] = (
    # 000 — 浙江省 关于进一步推动经济高质量发展的若干政策（征求意见稿）, complete
    G("000", "争取中央预算内投资", "60亿元", 6e9, "元", "争取|不少于", "中央预算内投资"),
    G("000", "中长期项目贷款", "1600亿元左右", 1.6e11, "元", "左右", "中长期项目贷款"),
    G("000", "全省供应建设用地", "35万亩", 3.5e5, "亩", None, "建设用地"),
    G("000", "力争", "100个", 100, "个", "力争", "项目"),
    G("000", "重大基础设施项目新增", "5万亩", 5e4, "亩", None, "建设用地计划指标"),
    G("000", "重大产业项目新增", "1.5万亩", 1.5e4, "亩", None, "建设用地计划指标"),
    G("000", "引导民间投资", "70%", 70, "%", "不低于", "工业用地比重"),
    G("000", "全省保障建设项目使用林地", "10万亩以上", 1e5, "亩", "以上", "使用林地"),
    G("000", "林地定额", "3万亩以上", 3e4, "亩", "以上", "林地定额"),
    G("000", "项目用海", "2.5万亩", 2.5e4, "亩", None, "项目用海"),
    G("000", "确保新增能耗", "70%", 70, "%", "确保|新增|不低于", "比重"),
    G("000", "特许经营项目等", "3张", 3, "张", None, "项目清单"),
    G("000", "单个项目", "1000万元", 1e7, "元", "最高|不超过", None, "每个项目"),
    G("000", "省市县联动可给予", "3000万元", 3e7, "元", "最高", "补助经费"),
    G("000", "研发费用占营业收入比重", "3%以上", 3, "%", "以上", "营业收入比重"),
    G("000", "研发费用年增长", "20%以上", 20, "%", "以上", "研发费用年增长"),
    G("000", "基础研究研发费用投入", "1000万元", 1e7, "元", "超过", "基础研究研发费用"),
    G("000", "按照", "150%", 150, "%", None, None),
    G("000", "加回比例可达", "200%", 200, "%", "达到", "加回比例"),
    G("000", "省基金委", "1:3", 1 / 3, "比", "不低于", None),
    G("000", "创新券", "80%", 80, "%", "不低于", "兑付补助"),
    G("000", "累计入板企业", "500家", 500, "家", "达到", "入板企业"),
    G("000", "比重高于", "5%", 5, "%", "高于", "营业收入比重"),
    G("000", "收费标准的", "70%", 70, "%", None, "供电费用"),
    G("000", "享受研发费用", "100%", 100, "%", None, "研发费用"),
    G("000", "投向民间投资项目", "70%以上", 70, "%", "确保|达到|以上", "民间投资项目比重"),
    G("000", "制造业中长期贷款", "4000亿元左右", 4e11, "元", "力争|新增|左右", "制造业中长期贷款"),
    G("000", "新增上市公司", "50家", 50, "家", "新增", "上市公司"),
    G("000", "工业用地比例", "30%", 30, "%", "不低于", "工业用地比例"),
    G("000", "工业建筑面积占比", "50%", 50, "%", "不低于", "工业建筑面积占比"),
    G("000", "完成低效工业用地整治", "4万亩", 4e4, "亩", None, "低效工业用地整治"),
    G("000", "盘活存量建设用地", "10万亩", 1e5, "亩", None, "存量建设用地"),
    G("000", "容积率一般不低于", "1.5", 1.5, "", "不低于", "容积率"),
    G("000", "建筑系数", "40%以上", 40, "%", "达到|以上", "建筑系数"),
    G("000", "容积率达到", "2.0以上", 2.0, "", "达到|以上", "容积率"),
    G("000", "未来网络等", "9个", 9, "个", None, None),
    G("000", "量子信息等", "6个", 6, "个", None, "未来产业"),
    G("000", "智慧城市等领域打造", "100个", 100, "个", None, "数字化应用场景"),
    G("000", "数字化车间", "150家", 150, "家", "新增", "智能工厂"),
    G("000", "未来工厂", "20家", 20, "家", None, "未来工厂"),
    G("000", "数字化改造覆盖率", "85%以上", 85, "%", "力争|达到|以上", "数字化改造覆盖率"),
    G("000", "相关人才入选比例", "60%", 60, "%", "不低于", "入选比例"),
    G("000", "首次入选的给予", "180万元", 1.8e6, "元", None, "补助经费"),
    G("000", "高能级创新发展区", "10个", 10, "个", "力争", "创新发展区"),
    G("000", "居前的给予", "500万元左右", 5e6, "元", "左右", "补助经费"),
    G("000", "实际投保费率", "2%", 2, "%", "最高|不超过", "投保费率"),
    G("000", "首年度实际保费的", "70%", 70, "%", None, "实际保费"),
    G("000", "逐年递减", "10%", 10, "%", None, "补偿比例"),
    G("000", "每年补偿金额", "500万元", 5e6, "元", "最高|不超过", "补偿金额", "每年"),
    G("000", "最多可连续支持", "3年", 3, "年", "最多", None),
    G("000", "培育建设", "50家", 50, "家", None, "工业设计中心"),
    G("000", "大视听产业发展", "10个", 10, "个", None, "视听产业基地"),
    G("000", "预留的不超过", "5%", 5, "%", "不超过", "建设用地机动指标"),
    G("000", "国际航空航线", "5条以上", 5, "条", "以上", "国际航空航线"),
    G("000", "新改建", "1000公里", 1000, "公里", None, "新改建"),
    G("000", "大中修", "5000公里", 5000, "公里", None, "大中修"),
    G("000", "公路比例达", "90%", 90, "%", "达到", "公路比例"),
    G("000", "融合线路", "50条", 50, "条", None, "融合线路"),
    G("000", "综合性服务站点", "220个", 220, "个", "新增", "综合性服务站点"),
    G("000", "新建", "13个", 13, "个", None, "司机之家"),
    G("000", "公共充电桩", "20000根以上", 2e4, "根", "新增|以上", "公共充电桩"),
    G("000", "促消费活动", "2000场以上", 2000, "场", "以上", "促消费活动"),
    G("000", "欢乐季活动", "200场以上", 200, "场", "以上", "欢乐季活动"),
    G("000", "高品质消费集聚区", "15个以上", 15, "个", "以上", "消费集聚区"),
    G("000", "夜间文化和旅游消费集聚区", "10个左右", 10, "个", "左右", "消费集聚区"),
    G("000", "累计打造", "2000家", 2000, "家", "累计", "共富工坊"),
    G("000", "支持重点展会", "100个以上", 100, "个", "以上", "重点展会"),
    G("000", "组织不少于", "1000个", 1000, "个", "不少于", "团组"),
    G("000", "团组、", "10000家次", 1e4, "家次", None, "企业"),
    G("000", "开展不少于", "9个", 9, "个", "不少于", None),
    G("000", "网点项目不少于", "20个", 20, "个", "不少于", "网点项目"),
    G("000", "保费给予不低于", "60%", 60, "%", "不低于", "保费"),
    G("000", "单家企业", "500万元", 5e6, "元", "不超过", None, "每家企业"),
    G("000", "省级海外仓", "20个以上", 20, "个", "以上", "海外仓"),
    G("000", "争取落地", "1亿美元以上", 1e8, "美元", "争取|以上", None),
    G("000", "外资大项目", "20个左右", 20, "个", "左右", "外资大项目"),
    G("000", "按其近", "三年", 3, "年", "近", None),
    G("000", "累计研发投入的", "5%", 5, "%", "累计", "研发投入"),
    G("000", "按其近三年", "500万元", 5e6, "元", "最高|不超过", "激励"),
    G("000", "给予保费", "93%", 93, "%", None, "保费"),
    G("000", "建档覆盖面超", "60%", 60, "%", "超过", "建档覆盖面"),
    G("000", "融资担保费率保持", "1%以下", 1, "%", "以下", "融资担保费率"),
    G("000", "功能恢复", "6万亩", 6e4, "亩", None, "耕地垦造"),
    G("000", "集中连片整治", "50万亩", 5e5, "亩", None, "集中连片整治"),
    G("000", "完成土地综合整治项目", "100个", 100, "个", None, "土地综合整治项目"),
    G("000", "重点推进", "80个", 80, "个", None, "土地综合整治试点项目"),
    G("000", "精品工程", "25个", 25, "个", None, "精品工程"),
    G("000", "多田套合", "30万亩", 3e5, "亩", "新增", "多田套合"),
    G("000", "高标准农田", "70万亩", 7e5, "亩", None, "高标准农田"),
    G("000", "旱粮作物", "50亩以上", 50, "亩", "以上", None),
    G("000", "每亩", "120元", 120, "元", None, "直接补贴", "每亩"),
    G("000", "乡村充电设施", "10000根左右", 1e4, "根", "左右", "充电设施"),
    G("000", "农业科技重大成果", "20项以上", 20, "项", "新增|以上", "农业科技重大成果"),
    G("000", "科技特派员", "5000人次以上", 5000, "人次", "以上", "科技特派员"),
    G("000", "建设", "100条", 100, "条", None, "全产业链"),
    G("000", "年产值超", "10亿元", 1e9, "元", "超过", "年产值"),
    G("000", "每个项目最高补助", "3000万元", 3e7, "元", "最高", None, "每个项目"),
    G("000", "承载能力提升重大项目", "500个左右", 500, "个", "左右", "重大项目"),
    G("000", "完成投资", "1200亿元以上", 1.2e11, "元", "以上", "投资"),
    G("000", "学前教育普及普惠县", "80%", 80, "%", "达到", "县"),
    G("000", "优质均衡县", "50%", 50, "%", "达到", "县"),
    G("000", "完成健康体检", "1000万人", 1e7, "人", None, "健康体检"),
    G("000", "城镇老旧小区不少于", "450个", 450, "个", "不少于", "城镇老旧小区"),
    G("000", "450个、", "4200栋", 4200, "栋", "不少于", None),  # 不少于450个、4200栋: one bound for both
    G("000", "照护专区床位", "8000张", 8000, "张", "新增", "床位"),
    G("000", "助餐服务", "75%以上", 75, "%", "达到|以上", "助餐服务城乡社区覆盖率"),
    G("000", "康养联合体", "70%以上", 70, "%", "达到|以上", "康养联合体"),
    G("000", "可支配收入在", "10万元以下", 1e5, "元", "以下", "可支配收入"),
    G("000", "慈善组织新增", "100家", 100, "家", "新增", "慈善组织"),
    G("000", "残疾人就业", "1万人", 1e4, "人", "新增", "残疾人就业"),
    # 003 — 椒江区推动经济高质量发展实施意见 (spaces and full-width ％ in the text; folded), sample
    G("003", "完成年度投资超", "90亿元", 9e9, "元", "超过", "年度投资"),
    G("003", "固定资产投资增长", "10%", 10, "%", None, "固定资产投资增长"),
    G("003", "交通基础设施", "0.7亿元", 7e7, "元", None, "交通基础设施"),
    G("003", "重大水利", "0.6亿元", 6e7, "元", None, "重大水利"),
    G("003", "新增能耗指标", "4.5万吨标准煤以上", 4.5e4, "吨标准煤", "力争|以上", "能耗指标"),
    G("003", "存量用能空间", "0.76万吨标准煤以上", 7.6e3, "吨标准煤", "力争|以上", "用能空间"),
    G("003", "全区供应建设用地", "3000亩以上", 3000, "亩", "以上", "建设用地"),
    G("003", "研发投入强度达到", "3.0%", 3.0, "%", "力争|达到", "研发投入强度"),
    G("003", "科学技术专项资金", "5000万元以上", 5e7, "元", "以上", "专项资金"),
    G("003", "最高", "5年", 5, "年", "最高", "工作许可"),
    G("003", "每项最高补助", "50万元", 5e5, "元", "最高", None, "每项"),
    G("003", "按奖励经费", "1:1", 1.0, "比", None, None),
    G("003", "配套奖励最高不超过", "20万元", 2e5, "元", "最高|不超过", None),
    G("003", "减按", "15%", 15, "%", None, "税率"),
    G("003", "每家分别给予", "150万元", 1.5e6, "元", None, "奖励", "每家"),
    G("003", "150万元、", "80万元", 8e5, "元", None, "奖励", "每家"),
    G("003", "申领额度提高至", "8万元", 8e4, "元", None, "申领额度"),
    G("003", "周转量", "10亿吨公里-30亿吨公里", 1e9, "吨公里", None, None, None, 3e9),
    G("003", "增幅达", "10%以上", 10, "%", "达到|以上", "增幅"),
    G("003", "使用外资", "5500万美元", 5.5e7, "美元", None, "外资"),
    G("003", "新增", "300个", 300, "个", "新增", "托位"),
    G("003", "其中普惠托位", "180个", 180, "个", None, "普惠托位"),
    G("003", "普惠托位占比达到", "65%", 65, "%", "达到", "普惠托位占比"),
    G("003", "建设保障性租赁住房", "1.4万套", 1.4e4, "套", None, "保障性租赁住房"),
    G("003", "亩均不低于", "3000元", 3000, "元", "确保|不低于", "财政投入", "每亩"),
    G("003", "残疾人之家", "8家", 8, "家", None, "残疾人之家"),
    G("003", "支出增量的", "2/3以上", 200 / 3, "%", "确保|以上", "支出增量"),
    G("003", "完成慈善信托", "100万元", 1e6, "元", None, "慈善信托"),
    # 001 — 湖州市 关于推动经济高质量发展若干政策（2025年版）, traditional, sample (t2s applied)
    G("001", "生产总值比重达", "3.5%", 3.5, "%", "达到", "研发经费支出占生产总值比重"),
    G("001", "全市财政预算安排", "17.25亿元", 1.725e9, "元", None, "财政预算"),
    G("001", "对首次认定的高新技术企业", "20万元", 2e5, "元", "最高", "奖励", "每家"),
    G("001", "单个企业全年最高补助", "20万元", 2e5, "元", "最高", None, "每个企业"),
    G("001", "专利密集型产品认定", "50件以上", 50, "件", "新增|以上", "专利密集型产品"),
    G("001", "孵化载体运营主体", "0.5万元", 5e3, "元", None, "奖励"),
    G("001", "毛入学率达", "70%", 70, "%", "达到", "毛入学率"),
    G("001", "集聚度不低于", "80%", 80, "%", "不低于", "集聚度"),
    G("001", "工业互联网平台", "5家", 5, "家", "新增", "工业互联网平台"),
    G("001", "省专精特新中小企业", "120家", 120, "家", None, "专精特新中小企业"),
    G("001", "无还本续贷", "150亿元左右", 1.5e10, "元", "力争|新增|左右", "无还本续贷"),
    G("001", "服务业项目", "300个以上", 300, "个", "以上", "服务业项目"),
    G("001", "新能源汽车最高补贴", "1.5万元/辆", 1.5e4, "元", "最高", "新能源汽车", "每辆"),
    G("001", "吞吐量完成", "90万标箱", 9e5, "标箱", None, "吞吐量"),
    G("001", "招引1亿美元以上外资大项目", "1—2个", 1, "个", "力争", "外资大项目", None, 2),
    G("001", "新建和改造提升", "380公里", 380, "公里", None, None),
)

# Digits in these phrases are not figures (names, dates, labels, document numbers, codes).
NOT_FIGURES: tuple[tuple[str, str], ...] = (
    ("000", "2024年"),
    ("000", "3个70%"),
    ("000", "32条"),
    ("000", "415X"),
    ("000", "4+1"),
    ("000", "196"),
    ("000", "3D"),
    ("000", "5A"),
    ("000", "2.0版"),
    ("000", "26+3"),
    ("000", "263"),
    ("003", "〔2023〕6号"),
    ("003", "2023年3月7日"),
    ("003", "315"),
    ("003", "5G"),
    ("003", "3A"),
    ("003", "16条"),
    ("003", "100行动"),
    ("003", "3岁"),
    ("001", "2025年3月14日"),
    ("001", "〔2025〕3号"),
    ("001", "1.0全覆盖"),
    ("001", "500吨级"),
)


# ---- hand-checked figure CHANGES of whole pairs (tests/fixtures/figures/gold_*.json) -------------

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "figures"
CHANGE_GOLD = tuple(sorted(FIXTURES.glob("gold_*.json")))
SCOPE_SLACK = 2  # a unit's span may start a character or two before its heading's text


def _resolve(gold_file: Path, gold: dict[str, Any], side: str) -> Path:
    """A gold file names its documents beside it (left_file), in the repository (seeds/…) or in
    ../shared (corpus/…)."""
    if f"{side}_file" in gold:
        return gold_file.parent / gold[f"{side}_file"]
    path = str(gold[f"{side}_path"])
    if path.startswith("seeds/"):
        return Path(__file__).resolve().parent.parent / path
    shared = Path(os.environ.get("POLICYDIFF_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    return shared / path


def gold_documents(gold_file: Path) -> tuple[Path, Path]:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    return _resolve(gold_file, gold, "left"), _resolve(gold_file, gold, "right")


def figure_change_scores(gold_file: Path) -> tuple[float, float, list[str]]:
    """Precision and recall of the reported figure changes against one hand-checked gold file.

    As ../shared/tools/score.py does, figures of wholly added or removed units are not scored; a
    reported change counts when its status and both sides' positions match a gold change. A gold
    file with a "scope" (pairs of unit anchors) was checked only inside those units: precision
    counts the changes reported in pairs whose left unit holds one of the left anchors.
    """
    from policydiff.compare.pipeline import compare_files
    from policydiff.model import Status

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    left, right = gold_documents(gold_file)
    comparison = compare_files(str(left), str(right))
    texts = (comparison.left.text, comparison.right.text)

    def at(side: int, figure: str | None, anchor: str) -> int | None:
        if figure is None:
            return None
        start = texts[side].find(anchor)
        assert start >= 0, anchor
        found = texts[side].find(figure, start)
        assert found >= 0, figure
        return found

    scope = [texts[0].find(a) for a, _ in gold.get("scope", [])]
    assert all(s >= 0 for s in scope), gold.get("scope")

    def in_scope(pair: Any) -> bool:  # the unit whose heading the anchor starts, not its chapter
        return not scope or any(abs(pair.left.start - s) <= SCOPE_SLACK for s in scope)

    wanted = {
        (g["status"], at(0, g["left"], g["left_after"]), at(1, g["right"], g["right_after"])): g
        for g in gold["figures"]
    }
    reported = {
        (str(c.status), c.left.start if c.left else None, c.right.start if c.right else None): c
        for p in comparison.pairs
        if p.left is not None and p.right is not None and in_scope(p)
        for c in p.figures
        if c.status != Status.UNCHANGED
    }
    hits = set(wanted) & set(reported)
    wrong = [
        f"{c.status}: {c.left and c.left.text} → {c.right and c.right.text}"
        for key, c in reported.items()
        if key not in wanted
    ]
    missed = [f"{g['status']}: {g['left']} → {g['right']}" for k, g in wanted.items() if k not in reported]
    return len(hits) / max(1, len(reported)), len(hits) / len(wanted), wrong + ["missed " + m for m in missed]
