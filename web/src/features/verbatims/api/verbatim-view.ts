import type { SliceDimension, VerbatimBand, VerbatimsQuery } from '../../../gql/graphql';

export const bands: VerbatimBand[] = ['ALL', 'NPS_PROMOTERS', 'NPS_PASSIVES', 'NPS_DETRACTORS', 'CSAT_SATISFIED', 'CSAT_DISSATISFIED', 'CES_EASY', 'CES_HARD'];

/** A dimension filter's URL parameter: ?channel=phone&stage=onboarding&segment=small_business. */
export type SliceParam = 'channel' | 'stage' | 'segment';

/**
 * The dimension filters, one select each, combinable (the API ANDs them): their URL parameter, the API's dimension and
 * the choices (the fixed channels and journey stages, the demo data's segments).
 */
export const sliceChoices: { param: SliceParam; dimension: SliceDimension; values: string[] }[] = [
  { param: 'channel', dimension: 'CHANNEL', values: ['phone', 'ivr', 'chat', 'email', 'app', 'store', 'social'] },
  { param: 'stage', dimension: 'JOURNEY_STAGE', values: ['awareness', 'purchase', 'onboarding', 'usage', 'service', 'renewal'] },
  { param: 'segment', dimension: 'SEGMENT', values: ['consumer', 'small_business', 'enterprise', 'premium'] },
];

const legacyParam: Record<string, SliceParam> = { channel: 'channel', journey_stage: 'stage', segment: 'segment' };

/**
 * The dimension filters in the URL, each a known value or '' (none). A link from before the combined filter
 * (?slice=channel:phone) still opens with its one dimension set.
 */
export function parseSlices(params: URLSearchParams): Record<SliceParam, string> {
  const chosen: Record<SliceParam, string> = { channel: '', stage: '', segment: '' };
  const legacy = /^(channel|journey_stage|segment):(.+)$/.exec(params.get('slice') ?? '');
  if (legacy) chosen[legacyParam[legacy[1]]] = legacy[2];
  for (const c of sliceChoices) {
    const value = params.get(c.param) ?? chosen[c.param];
    chosen[c.param] = c.values.includes(value) ? value : '';
  }
  return chosen;
}

/** The chosen filters as the API's `slices` (one per chosen dimension, in a fixed order). */
export function toSliceInputs(chosen: Record<SliceParam, string>): { dimension: SliceDimension; value: string }[] {
  return sliceChoices.filter((c) => chosen[c.param]).map((c) => ({ dimension: c.dimension, value: chosen[c.param] }));
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
