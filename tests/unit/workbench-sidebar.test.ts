import { describe, expect, it } from 'vitest';
import { fieldsFor } from '../../lib/lake/schema';
import { buildPropertyNodes, filterNodes } from '../../components/sidebar/property-nodes';

const fields = fieldsFor('cloudtrail');

describe('property tree nodes', () => {
  it('opens structs onto fields, maps onto keys, and arrays of structs onto element fields', () => {
    const nodes = buildPropertyNodes(fields, null);
    const ui = nodes.find((n) => n.label === 'userIdentity')!;
    expect(ui.insertion.text).toBe('userIdentity');
    const issuer = ui.children!.find((n) => n.label === 'sessionContext')!.children!.find((n) => n.label === 'sessionIssuer')!;
    expect(issuer.children!.find((n) => n.label === 'arn')!.insertion).toEqual({ text: 'userIdentity.sessionContext.sessionIssuer.arn' });

    const rp = nodes.find((n) => n.label === 'requestParameters')!;
    expect(rp.insertion).toEqual({ text: "element_at(requestParameters, '')", cursor: 31 });
    expect(rp.children!.find((n) => n.label === 'bucketName')!.insertion).toEqual({ text: "element_at(requestParameters, 'bucketName')" });

    const resources = nodes.find((n) => n.label === 'resources')!;
    expect(resources.children!.find((n) => n.label === 'type')!.insertion.text).toBe("any_match(resources, x -> x.type = '')");
  });

  it('adds sampled values and keys when the server has them', () => {
    const nodes = buildPropertyNodes(fields, {
      values: { eventname: [{ value: "It's", count: 3 }] },
      mapKeys: { requestparameters: [{ key: 'zzzSeen', count: 9 }] },
    });
    const eventName = nodes.find((n) => n.label === 'eventName')!;
    expect(eventName.children).toEqual([{ id: "eventname=It's", label: "It's", detail: '3×', insertion: { text: "eventName = 'It''s'" } }]);
    const rp = nodes.find((n) => n.label === 'requestParameters')!;
    expect(rp.children![0]).toMatchObject({ label: 'zzzSeen', detail: 'seen 9×' });
  });

  it('filters by name and keeps the path to a match', () => {
    const nodes = buildPropertyNodes(fields, null);
    const found = filterNodes(nodes, 'mfaauth');
    expect(found.map((n) => n.label)).toEqual(['userIdentity']);
    expect(found[0].children!.map((n) => n.label)).toEqual(['sessionContext']);
    expect(filterNodes(nodes, '')).toBe(nodes);
  });
});
