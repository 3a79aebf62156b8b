/**
 * The API's closed sets (enums: MetricUnit SCORE, MetricKind PROCESS, MetricDirection LOWER_IS_BETTER, OrgUnitKind
 * DEPARTMENT, SliceDimension CHANNEL) in the app's own words: the units format.ts formats and the i18n keys. The
 * feature views translate with these, so components never see the API's spelling.
 */
export const word = (value: string): string => value.toLowerCase();

export const directionWord = (direction: string): 'higher' | 'lower' => (direction === 'LOWER_IS_BETTER' ? 'lower' : 'higher');
