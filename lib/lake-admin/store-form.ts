/**
 * The create/edit store form of the console, as plain data, and the CloudTrail requests it makes:
 * `CreateEventDataStore` for a new store, `UpdateEventDataStore` (only what changed, only what
 * that operation accepts) for an existing one. Pure, so the browser's review page and the tests
 * build the very same request.
 */
import type { AdvancedEventSelector } from '../lake/storage/store-registry';

export const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;
export type Operator = (typeof OPERATORS)[number];
export type BillingMode = 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';

export type { AdvancedEventSelector };
export type FieldSelector = AdvancedEventSelector['FieldSelectors'][number];

/** One condition row of the advanced editor: a field, an operator and its values. */
export interface ConditionRow {
  field: string;
  operator: Operator;
  values: string[];
}

export type DataTemplate = 'all' | 'readOnly' | 'writeOnly' | 'advanced';
export interface DataEventSelection {
  name: string;
  resourceType: string;
  template: DataTemplate;
  conditions: ConditionRow[];
}

export interface StoreForm {
  name: string;
  billingMode: BillingMode;
  retentionPeriod: number;
  multiRegionEnabled: boolean;
  organizationEnabled: boolean;
  terminationProtectionEnabled: boolean;
  tags: { key: string; value: string }[];
  management: { enabled: boolean; read: boolean; write: boolean; excludeKms: boolean; excludeRdsData: boolean };
  dataEvents: DataEventSelection[];
  /** Selectors the form cannot show as management or data events (e.g. Insights stores): kept as they are. */
  otherSelectors: AdvancedEventSelector[];
  startIngestion: boolean;
}

export const RETENTION_MAX: Record<BillingMode, number> = { EXTENDABLE_RETENTION_PRICING: 3653, FIXED_RETENTION_PRICING: 2557 };
export const RETENTION_DEFAULT: Record<BillingMode, number> = { EXTENDABLE_RETENTION_PRICING: 366, FIXED_RETENTION_PRICING: 2557 };

/** Data event resource types the console offers (CloudTrail's most used; any other can be typed in). */
export const DATA_RESOURCE_TYPES = [
  'AWS::S3::Object',
  'AWS::Lambda::Function',
  'AWS::DynamoDB::Table',
  'AWS::S3Outposts::Object',
  'AWS::EC2::Snapshot',
  'AWS::Glue::Table',
  'AWS::SNS::Topic',
  'AWS::SQS::Queue',
  'AWS::KMS::Key',
  'AWS::SecretsManager::Secret',
];
export const SELECTOR_FIELDS = [
  'eventSource',
  'eventName',
  'eventType',
  'readOnly',
  'resources.ARN',
  'resources.type',
  'sessionCredentialFromConsole',
  'userIdentity.arn',
  'errorCode',
  'vpcEndpointId',
  'eventTypeName',
  'eventCategory',
];

const KMS = 'kms.amazonaws.com';
const RDS_DATA = 'rdsdata.amazonaws.com';

export function emptyForm(): StoreForm {
  return {
    name: '',
    billingMode: 'EXTENDABLE_RETENTION_PRICING',
    retentionPeriod: 366,
    multiRegionEnabled: true,
    organizationEnabled: false,
    terminationProtectionEnabled: true,
    tags: [],
    management: { enabled: true, read: true, write: true, excludeKms: false, excludeRdsData: false },
    dataEvents: [],
    otherSelectors: [],
    startIngestion: true,
  };
}

export function newDataEvents(resourceType = 'AWS::S3::Object'): DataEventSelection {
  return { name: '', resourceType, template: 'all', conditions: [] };
}

/** The advanced event selectors the form's events step stands for. */
export function selectorsOf(form: StoreForm): AdvancedEventSelector[] {
  const out: AdvancedEventSelector[] = [];
  const m = form.management;
  if (m.enabled) {
    const fs: FieldSelector[] = [{ Field: 'eventCategory', Equals: ['Management'] }];
    if (m.read !== m.write) fs.push({ Field: 'readOnly', Equals: [String(m.read)] });
    const excluded = [...(m.excludeKms ? [KMS] : []), ...(m.excludeRdsData ? [RDS_DATA] : [])];
    if (excluded.length) fs.push({ Field: 'eventSource', NotEquals: excluded });
    out.push({ Name: 'Management events selector', FieldSelectors: fs });
  }
  for (const d of form.dataEvents) {
    const fs: FieldSelector[] = [
      { Field: 'eventCategory', Equals: ['Data'] },
      { Field: 'resources.type', Equals: [d.resourceType] },
    ];
    if (d.template === 'readOnly' || d.template === 'writeOnly') fs.push({ Field: 'readOnly', Equals: [String(d.template === 'readOnly')] });
    if (d.template === 'advanced') {
      for (const c of d.conditions) {
        const values = c.values.map((v) => v.trim()).filter(Boolean);
        const same = fs.find((f) => f.Field === c.field);
        if (same) same[c.operator] = [...(same[c.operator] ?? []), ...values];
        else fs.push({ Field: c.field, [c.operator]: values });
      }
    }
    out.push({ Name: d.name.trim() || `${d.resourceType} data events`, FieldSelectors: fs });
  }
  return [...out, ...form.otherSelectors];
}

/** The exact CreateEventDataStore request of a new store. */
export function createRequest(form: StoreForm) {
  const tags = form.tags.filter((t) => t.key.trim());
  return {
    Name: form.name.trim(),
    AdvancedEventSelectors: selectorsOf(form),
    MultiRegionEnabled: form.multiRegionEnabled,
    OrganizationEnabled: form.organizationEnabled,
    // the defaults are left out, so older AWS CLIs (Debian's 2.9 has neither option) send the same request
    ...(form.billingMode !== 'EXTENDABLE_RETENTION_PRICING' ? { BillingMode: form.billingMode } : {}),
    RetentionPeriod: form.retentionPeriod,
    TerminationProtectionEnabled: form.terminationProtectionEnabled,
    ...(tags.length ? { TagsList: tags.map((t) => ({ Key: t.key.trim(), Value: t.value })) } : {}),
    ...(form.startIngestion ? {} : { StartIngestion: false }),
  };
}
export type CreateRequest = ReturnType<typeof createRequest>;

/** The UpdateEventDataStore request turning `before` into `form`: only settings that changed. */
export function updateRequest(storeArn: string, before: StoreForm, form: StoreForm) {
  const a = createRequest(before);
  const b = createRequest(form);
  const req: Record<string, unknown> = { EventDataStore: storeArn };
  for (const k of ['Name', 'MultiRegionEnabled', 'OrganizationEnabled', 'RetentionPeriod', 'TerminationProtectionEnabled', 'AdvancedEventSelectors'] as const) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) req[k] = b[k];
  }
  if (before.billingMode !== form.billingMode) req.BillingMode = form.billingMode;
  return req;
}

/** The form showing a store as GetEventDataStore describes it (selectors it cannot show are kept apart). */
export function formOf(store: {
  Name?: string;
  BillingMode?: string;
  RetentionPeriod?: number;
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  TerminationProtectionEnabled?: boolean;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  Status?: string;
}): StoreForm {
  const form: StoreForm = {
    ...emptyForm(),
    name: store.Name ?? '',
    billingMode: store.BillingMode === 'FIXED_RETENTION_PRICING' ? 'FIXED_RETENTION_PRICING' : 'EXTENDABLE_RETENTION_PRICING',
    retentionPeriod: store.RetentionPeriod ?? 366,
    multiRegionEnabled: store.MultiRegionEnabled ?? true,
    organizationEnabled: store.OrganizationEnabled ?? false,
    terminationProtectionEnabled: store.TerminationProtectionEnabled ?? true,
    management: { enabled: false, read: true, write: true, excludeKms: false, excludeRdsData: false },
    startIngestion: store.Status !== 'STOPPED_INGESTION',
  };
  for (const sel of store.AdvancedEventSelectors ?? []) {
    const management = asManagement(sel);
    if (management && !form.management.enabled) form.management = management;
    else {
      const data = asDataEvents(sel);
      if (data) form.dataEvents.push(data);
      else form.otherSelectors.push(sel);
    }
  }
  return form;
}

function conditions(f: FieldSelector): ConditionRow[] {
  return OPERATORS.filter((op) => f[op]?.length).map((op) => ({ field: f.Field, operator: op, values: f[op]! }));
}

function asManagement(sel: AdvancedEventSelector): StoreForm['management'] | undefined {
  const rows = sel.FieldSelectors.flatMap(conditions);
  const m = { enabled: true, read: true, write: true, excludeKms: false, excludeRdsData: false };
  if (!rows.some((r) => r.field === 'eventCategory' && r.operator === 'Equals' && r.values.join() === 'Management')) return undefined;
  for (const r of rows) {
    if (r.field === 'eventCategory') continue;
    if (r.field === 'readOnly' && r.operator === 'Equals' && r.values.length === 1) {
      m.read = r.values[0] === 'true';
      m.write = !m.read;
    } else if (r.field === 'eventSource' && r.operator === 'NotEquals' && r.values.every((v) => v === KMS || v === RDS_DATA)) {
      m.excludeKms = r.values.includes(KMS);
      m.excludeRdsData = r.values.includes(RDS_DATA);
    } else return undefined;
  }
  return m;
}

function asDataEvents(sel: AdvancedEventSelector): DataEventSelection | undefined {
  const rows = sel.FieldSelectors.flatMap(conditions);
  const category = rows.find((r) => r.field === 'eventCategory');
  const type = rows.find((r) => r.field === 'resources.type' && r.operator === 'Equals' && r.values.length === 1);
  if (category?.operator !== 'Equals' || category.values.join() !== 'Data' || !type) return undefined;
  const rest = rows.filter((r) => r !== category && r !== type);
  const base = { name: sel.Name ?? '', resourceType: type.values[0] };
  if (!rest.length) return { ...base, template: 'all', conditions: [] };
  const only = rest[0];
  if (rest.length === 1 && only.field === 'readOnly' && only.operator === 'Equals' && only.values.length === 1) {
    return { ...base, template: only.values[0] === 'true' ? 'readOnly' : 'writeOnly', conditions: [] };
  }
  return { ...base, template: 'advanced', conditions: rest };
}
