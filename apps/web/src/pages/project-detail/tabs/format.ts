import dayjs from 'dayjs';

/** An instant as staff read it: date and minutes in the browser's time (Asia/Shanghai at the zone's offices). */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** 亿元 with up to the four decimals the ledger keeps (万元 precision), without trailing zeros. */
export const formatYi = (yi: number): string => yi.toLocaleString('zh-CN', { maximumFractionDigits: 4 });

/** A ratio as a percentage with one decimal: 0.4567 → 45.7%. */
export const formatPercent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;
