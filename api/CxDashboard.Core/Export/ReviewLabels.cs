using CxDashboard.Core.Scorecards;
using CxDashboard.Core.Values;

namespace CxDashboard.Core.Export;

/// <summary>The workbook's words in English (<c>en</c>) or Simplified Chinese (<c>zh-CN</c>).</summary>
public sealed class ReviewLabels
{
    public static readonly string[] Locales = ["en", "zh-CN"];

    private readonly Dictionary<string, string> words;

    private ReviewLabels(string locale, Dictionary<string, string> words)
    {
        Locale = locale;
        this.words = words;
    }

    public string Locale { get; }

    public string this[string key] => words.TryGetValue(key, out var w) ? w : key;

    /// <summary>The labels of a locale; null when it is not one of <see cref="Locales"/>.</summary>
    public static ReviewLabels? For(string? locale) => locale switch
    {
        null or "" or "en" => new ReviewLabels("en", En),
        "zh-CN" or "zh-cn" or "zh" => new ReviewLabels("zh-CN", Zh),
        _ => null,
    };

    public string Status(KpiStatus s) => this[s switch
    {
        KpiStatus.OnTrack => "on_track",
        KpiStatus.AtRisk => "at_risk",
        KpiStatus.OffTrack => "off_track",
        _ => "no_data",
    }];

    public string Metric(string code) => this["m." + code];

    private static readonly Dictionary<string, string> En = new()
    {
        ["title"] = "Monthly CX review", ["unit"] = "Unit", ["month"] = "Month", ["as_of"] = "Data as of", ["caller"] = "Prepared for",
        ["generated"] = "Generated", ["floor"] = "Values over fewer responses than the privacy floor, and values that would let one be worked out, are hidden and marked \u201chidden\u201d (n stays).",
        ["hidden"] = "hidden",
        ["score"] = "Weighted score", ["kpi"] = "KPI", ["metric"] = "Metric", ["slice"] = "Slice", ["shared"] = "Shared", ["weight"] = "Weight",
        ["actual"] = "Actual", ["target"] = "Target", ["attainment"] = "Attainment", ["status"] = "Status",
        ["change"] = "Change vs previous month", ["significance"] = "Significance", ["n"] = "n", ["trend"] = "13-month trend",
        ["significant"] = "significant", ["not_significant"] = "not significant", ["yes"] = "yes", ["no"] = "no",
        ["on_track"] = "on track", ["at_risk"] = "at risk", ["off_track"] = "off track", ["no_data"] = "no data",
        ["code"] = "Code", ["name"] = "Name", ["kind"] = "Kind", ["level"] = "Level",
        ["outcomes"] = "Outcomes", ["process"] = "Process drivers", ["drivers"] = "Drivers",
        ["condition"] = "Condition", ["outcome"] = "Outcome", ["n_with"] = "n with", ["value_with"] = "Value with", ["n_without"] = "n without",
        ["value_without"] = "Value without", ["gap"] = "Gap", ["gap_low"] = "Gap low (95%)", ["gap_high"] = "Gap high (95%)",
        ["share_with"] = "Share with condition", ["target_share"] = "Target share", ["expected_change"] = "Expected change at target",
        ["rank"] = "Rank", ["partner"] = "Partner", ["numerator"] = "Numerator / promoters", ["passives"] = "Passives", ["detractors"] = "Detractors",
        ["value"] = "Value (formula)", ["denominator"] = "n / denominator",
        ["s.summary"] = "Summary", ["s.cascade"] = "Cascade", ["s.process"] = "Process vs outcome", ["s.trends"] = "Trends", ["s.partners"] = "Partners", ["s.data"] = "Data",
        ["m.nps"] = "NPS", ["m.csat"] = "CSAT %", ["m.ces_agree"] = "CES % agree", ["m.fcr"] = "First-contact resolution", ["m.repeat_rate"] = "Repeat contact rate",
        ["m.sla"] = "SLA attainment", ["m.response_time"] = "First response time (median)", ["m.handle_time"] = "Handle time (median)",
        ["m.transfer_rate"] = "Transfer rate", ["m.containment"] = "Self-service containment", ["m.channel_switch"] = "Channel switch rate",
        ["m.abandonment"] = "Abandonment rate", ["m.csat_mean"] = "CSAT mean", ["m.ces"] = "CES mean",
        ["c.ResolvedFirstContact"] = "Resolved at first contact", ["c.WithinSla"] = "First response within SLA", ["c.Transferred"] = "Transferred",
        ["c.SwitchedChannel"] = "Switched channel", ["c.LowEffort"] = "Low effort",
    };

    private static readonly Dictionary<string, string> Zh = new()
    {
        ["title"] = "月度客户体验回顾", ["unit"] = "单位", ["month"] = "月份", ["as_of"] = "数据截至", ["caller"] = "报告对象",
        ["generated"] = "生成时间", ["floor"] = "低于隐私下限的数值，以及可据以推算出此类数值的数值，均已隐藏并标为“已隐藏”（保留样本数）。",
        ["hidden"] = "已隐藏",
        ["score"] = "加权得分", ["kpi"] = "关键指标", ["metric"] = "指标", ["slice"] = "切片", ["shared"] = "共享", ["weight"] = "权重",
        ["actual"] = "实际值", ["target"] = "目标", ["attainment"] = "达成率", ["status"] = "状态",
        ["change"] = "较上月变化", ["significance"] = "显著性", ["n"] = "样本数", ["trend"] = "13个月趋势",
        ["significant"] = "显著", ["not_significant"] = "不显著", ["yes"] = "是", ["no"] = "否",
        ["on_track"] = "达标", ["at_risk"] = "有风险", ["off_track"] = "未达标", ["no_data"] = "无数据",
        ["code"] = "代码", ["name"] = "名称", ["kind"] = "类型", ["level"] = "层级",
        ["outcomes"] = "结果指标", ["process"] = "过程驱动因素", ["drivers"] = "驱动因素",
        ["condition"] = "条件", ["outcome"] = "结果", ["n_with"] = "满足条件样本数", ["value_with"] = "满足条件值", ["n_without"] = "不满足条件样本数",
        ["value_without"] = "不满足条件值", ["gap"] = "差距", ["gap_low"] = "差距下限 (95%)", ["gap_high"] = "差距上限 (95%)",
        ["share_with"] = "满足条件占比", ["target_share"] = "目标占比", ["expected_change"] = "达到目标时的预期变化",
        ["rank"] = "排名", ["partner"] = "合作伙伴", ["numerator"] = "分子 / 推荐者", ["passives"] = "被动者", ["detractors"] = "贬损者",
        ["value"] = "数值（公式）", ["denominator"] = "样本数 / 分母",
        ["s.summary"] = "概览", ["s.cascade"] = "层级分解", ["s.process"] = "过程与结果", ["s.trends"] = "趋势", ["s.partners"] = "合作伙伴", ["s.data"] = "数据",
        ["m.nps"] = "净推荐值", ["m.csat"] = "满意度 %", ["m.ces_agree"] = "费力度认同 %", ["m.fcr"] = "首次解决率", ["m.repeat_rate"] = "重复联系率",
        ["m.sla"] = "服务水平达成率", ["m.response_time"] = "首次响应时间（中位数）", ["m.handle_time"] = "处理时长（中位数）",
        ["m.transfer_rate"] = "转接率", ["m.containment"] = "自助服务解决率", ["m.channel_switch"] = "渠道切换率",
        ["m.abandonment"] = "放弃率", ["m.csat_mean"] = "满意度均值", ["m.ces"] = "费力度均值",
        ["c.ResolvedFirstContact"] = "首次联系即解决", ["c.WithinSla"] = "在服务水平内首次响应", ["c.Transferred"] = "被转接",
        ["c.SwitchedChannel"] = "切换渠道", ["c.LowEffort"] = "低费力",
    };
}
