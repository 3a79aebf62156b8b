import type { SliceDimension, VerbatimBand, VerbatimsQuery } from '../../../gql/graphql';

export const bands: VerbatimBand[] = ['ALL', 'NPS_PROMOTERS', 'NPS_PASSIVES', 'NPS_DETRACTORS', 'CSAT_SATISFIED', 'CSAT_DISSATISFIED', 'CES_EASY', 'CES_HARD'];

/** The slice filter's choices (the demo data's channels, journey stages and segments); the URL spells them channel:phone. */
export const sliceChoices: { dimension: 'channel' | 'journey_stage' | 'segment'; values: string[] }[] = [
  { dimension: 'channel', values: ['phone', 'ivr', 'chat', 'email', 'app', 'store', 'social'] },
  { dimension: 'journey_stage', values: ['awareness', 'purchase', 'onboarding', 'usage', 'service', 'renewal'] },
  { dimension: 'segment', values: ['consumer', 'small_business', 'enterprise', 'premium'] },
];

/** ?slice=channel:phone as the API's SliceInput; null for anything else. */
export function parseSlice(raw: string): { dimension: SliceDimension; value: string } | null {
  const m = /^(channel|journey_stage|segment):(.+)$/.exec(raw);
  return m ? { dimension: m[1].toUpperCase() as SliceDimension, value: m[2] } : null;
}

export interface VerbatimItem {
  id: string;
  respondedAt: string;
  unitName: string | null;
  channel: string;
  journeyStage: string;
  segment: string;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  npsBand: string | null;
  csatBand: string | null;
  cesBand: string | null;
  comment: string;
}

export interface VerbatimPageView {
  unit: { id: string; code: string; name: string };
  breadcrumb: { name: string; unitId: string | null }[];
  items: VerbatimItem[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export function toVerbatimPage(data: VerbatimsQuery): VerbatimPageView | null {
  const u = data.unit;
  if (!u) return null;
  return {
    unit: { id: u.id, code: u.code, name: u.name },
    breadcrumb: u.breadcrumb.map((c) => ({ name: c.name, unitId: c.unit?.id ?? null })),
    items: u.verbatims.items.map((v) => ({
      id: v.id,
      respondedAt: v.respondedAt,
      unitName: v.unit?.name ?? null,
      channel: v.channel,
      journeyStage: v.journeyStage,
      segment: v.segment,
      nps: v.nps ?? null,
      csat: v.csat ?? null,
      ces: v.ces ?? null,
      npsBand: v.npsBand ?? null,
      csatBand: v.csatBand ?? null,
      cesBand: v.cesBand ?? null,
      comment: v.comment,
    })),
    hasNextPage: u.verbatims.hasNextPage,
    endCursor: u.verbatims.endCursor ?? null,
  };
}
