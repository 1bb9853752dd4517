// The browser side of app/api/detections/*: the library with coverage and the user's rules, Enable, Disable.
import { request } from '../api/request';
import type { DetectionListing, MatrixColumn } from '../../lib/detections/catalog';
import type { EnableRequest } from '../../lib/detections/enable';
import type { Rule } from '../alerts/api';

export type { DetectionListing, MatrixColumn };
export type EnableInput = Omit<EnableRequest, 'params' | 'schedule'> & { params: Record<string, string | string[]>; schedule: EnableRequest['schedule'] };

const id = encodeURIComponent;

export const detectionsApi = {
  list: (storeId: string | null) =>
    request<{ detections: DetectionListing[]; matrix: MatrixColumn[] }>(`/api/detections${storeId ? `?storeId=${id(storeId)}` : ''}`),
  enable: (detectionId: string, input: EnableInput) =>
    request<{ rule: Rule; resumed: boolean }>(`/api/detections/${id(detectionId)}/enable`, { method: 'POST', json: input }),
  disable: (detectionId: string, storeId: string) =>
    request<{ rules: Rule[] }>(`/api/detections/${id(detectionId)}/disable`, { method: 'POST', json: { storeId } }),
};
