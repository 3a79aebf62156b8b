import type { workbenchEn } from './en-workbench';

/** 简体中文: the workbench screens (same keys as en-workbench.ts; the type makes a missing key a compile error). */
export const workbenchZhCN: typeof workbenchEn = {
  filters: { metric: '指标', all: '全部' },
  partners: {
    nav: '合作伙伴',
    leagueTitle: '合作伙伴排名',
    leagueIntro: '{{period}}各合作伙伴按该指标排名，最好的在前；没有数值的排在最后。',
    leagueCaption: '按{{metric}}的合作伙伴排名',
    rank: '排名',
    partner: '合作伙伴',
    value: '数值',
    interval: '95% 区间',
    metric: '指标',
    none: '您的范围内没有合作伙伴。',
    title: '合作伙伴：{{name}}',
    figures: '结果指标及其驱动流程指标',
    engagements: '按部门列出的合作项目',
    noEngagements: '您的范围内没有该合作伙伴的项目。',
    scorecard: '计分卡',
    openScorecard: '打开 {{name}} 的计分卡',
    kpisOf: '{{name}} 的 KPI',
    backToLeague: '返回合作伙伴排名',
  },
  breakdowns: {
    nav: '细分',
    title: '细分：{{unit}}',
    compare: '与上一期比较',
    key: '分组',
    previous: '上一期',
    caption: '{{period}}按{{dimension}}的{{metric}}',
    section: '按{{dimension}}',
    by: { channel: '渠道', journey_stage: '旅程阶段', segment: '客户细分' },
  },
  slices: {
    phone: '电话', ivr: '语音导航', chat: '在线聊天', email: '电子邮件', app: '应用', store: '门店', social: '社交媒体',
    awareness: '认知', purchase: '购买', onboarding: '开通', usage: '使用', service: '服务', renewal: '续约',
    consumer: '个人客户', small_business: '小企业', enterprise: '大企业', premium: '高端客户',
  },
};
