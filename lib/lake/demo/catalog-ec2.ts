/** EC2 APIs, with requestParameters/responseElements in EC2's `…Set: {items: […]}` style. */
import type { Ctx, Json } from './catalog-types';
import { api, fail, THROTTLED_EC2 } from './define-api';
import type { Instance } from './world';

const EC2 = 'ec2.amazonaws.com';
const items = (...xs: unknown[]) => ({ items: xs });
const filter = (name: string, value: string) => ({ name, valueSet: items({ value }) });
const throttle = { errors: [[THROTTLED_EC2, 1]] as const, errorRate: 0.004 };

const instance = (c: Ctx): Instance => c.rng.pick(c.res.instances);

export const describeInstances = api(EC2, 'DescribeInstances', {
  ro: true,
  ...throttle,
  build(c) {
    const r = c.rng.float();
    if (r < 0.45) c.req = { instancesSet: {}, filterSet: {} };
    else if (r < 0.75) c.req = { instancesSet: items({ instanceId: instance(c).id }), filterSet: {} };
    else if (r < 0.9) c.req = { maxResults: 1000, instancesSet: {}, filterSet: items(filter('instance-state-name', 'running')) };
    else c.req = { instancesSet: {}, filterSet: items(filter('tag:Name', instance(c).name)) };
  },
});

export const describeInstanceStatus = api(EC2, 'DescribeInstanceStatus', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = { instancesSet: {}, filterSet: {}, includeAllInstances: c.rng.chance(0.5) };
  },
});

export const describeSecurityGroups = api(EC2, 'DescribeSecurityGroups', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = c.rng.chance(0.5)
      ? { securityGroupSet: {}, securityGroupIdSet: items({ groupId: c.rng.pick(c.res.sgs).id }), filterSet: {} }
      : { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: items(filter('vpc-id', c.res.vpcId)) };
  },
});

export const describeVpcs = api(EC2, 'DescribeVpcs', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = { vpcSet: c.rng.chance(0.5) ? items({ vpcId: c.res.vpcId }) : {}, filterSet: {} };
  },
});

export const describeSubnets = api(EC2, 'DescribeSubnets', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = { subnetSet: {}, filterSet: items(filter('vpc-id', c.res.vpcId)) };
  },
});

export const describeVolumes = api(EC2, 'DescribeVolumes', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = { volumeSet: {}, filterSet: c.rng.chance(0.5) ? items(filter('attachment.instance-id', instance(c).id)) : {} };
  },
});

export const describeImages = api(EC2, 'DescribeImages', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = c.rng.chance(0.6)
      ? { executableBySet: {}, imagesSet: items({ imageId: c.rng.pick(c.res.amis) }), ownersSet: {}, includeDeprecated: false, includeDisabled: false }
      : { executableBySet: {}, imagesSet: {}, ownersSet: items({ owner: 'amazon' }), filterSet: items(filter('name', 'al2023-ami-2023.*-x86_64')) };
  },
});

export const describeNetworkInterfaces = api(EC2, 'DescribeNetworkInterfaces', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = { networkInterfaceIdSet: {}, filterSet: items(filter('vpc-id', c.res.vpcId)) };
  },
});

export const describeRegions = api(EC2, 'DescribeRegions', {
  ro: true,
  build(c) {
    c.req = { regionSet: {}, allRegions: c.rng.chance(0.3) };
  },
});

export const describeTags = api(EC2, 'DescribeTags', {
  ro: true,
  ...throttle,
  build(c) {
    c.req = { filterSet: items(filter('resource-id', instance(c).id)) };
  },
});

function stateChange(name: string, from: [number, string], to: [number, string]) {
  return api(EC2, name, {
    ro: false,
    errors: [
      [
        fail(
          'Client.IncorrectInstanceState',
          (c) =>
            `This instance '${(c.req as { instancesSet: { items: Array<{ instanceId: string }> } }).instancesSet.items[0].instanceId}' is not in a state from which it can be ${name === 'StartInstances' ? 'started' : 'stopped'}.`,
        ),
        1,
      ],
    ],
    errorRate: 0.04,
    build(c) {
      const i = instance(c);
      c.req = name === 'TerminateInstances' ? { instancesSet: items({ instanceId: i.id }) } : { instancesSet: items({ instanceId: i.id }), force: false };
      c.resp = {
        requestId: c.requestId,
        instancesSet: items({ instanceId: i.id, currentState: { code: to[0], name: to[1] }, previousState: { code: from[0], name: from[1] } }),
      };
    },
  });
}
export const stopInstances = stateChange('StopInstances', [16, 'running'], [64, 'stopping']);
export const startInstances = stateChange('StartInstances', [80, 'stopped'], [0, 'pending']);
export const terminateInstances = stateChange('TerminateInstances', [16, 'running'], [32, 'shutting-down']);

export const runInstances = api(EC2, 'RunInstances', {
  ro: false,
  errors: [
    [
      fail(
        'Client.InsufficientInstanceCapacity',
        'We currently do not have sufficient capacity in the Availability Zone you requested. Our system will be working on provisioning additional capacity.',
      ),
      1,
    ],
    [fail('Client.InvalidParameterValue', 'Value () for parameter groupId is invalid. The value cannot be empty'), 1],
    [
      fail(
        'Client.VcpuLimitExceeded',
        'You have requested more vCPU capacity than your current vCPU limit of 32 allows for the instance bucket that the specified instance type belongs to.',
      ),
      1,
    ],
  ],
  errorRate: 0.05,
  build(c) {
    const tmpl = instance(c);
    const type = c.rng.pick(['t3.micro', 't3.medium', 'm7i.large', 'c7g.xlarge', 'r7i.2xlarge']);
    const count = c.rng.chance(0.85) ? 1 : c.rng.range(2, 4);
    const name = `${tmpl.name.replace(/-\d+$/, '')}-${c.rng.hex(4)}`;
    const subnetIdx = c.rng.int(3);
    c.req = {
      instancesSet: items({ imageId: tmpl.ami, minCount: count, maxCount: count }),
      instanceType: type,
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: c.rng.uuid(),
      networkInterfaceSet: items({
        deviceIndex: 0,
        subnetId: c.res.subnets[subnetIdx],
        associatePublicIpAddress: false,
        groupSet: items({ groupId: tmpl.sg.id }),
      }),
      iamInstanceProfile: { name: 'orders-api-instance-profile' },
      metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled' },
      tagSpecificationSet: items({
        resourceType: 'instance',
        tags: [
          { key: 'Name', value: name },
          { key: 'team', value: 'orders' },
        ],
      }),
    };
    const launched = [];
    for (let i = 0; i < count; i++) {
      const ip = `10.${10 + c.acct.idx}.${subnetIdx * 16 + 1}.${c.rng.range(10, 250)}`;
      launched.push({
        instanceId: `i-0${c.rng.hex(16)}`,
        imageId: tmpl.ami,
        currentInstanceBootMode: 'legacy-bios',
        instanceState: { code: 0, name: 'pending' },
        privateDnsName: `ip-${ip.replace(/\./g, '-')}.${c.region === 'us-east-1' ? 'ec2.internal' : `${c.region}.compute.internal`}`,
        amiLaunchIndex: i,
        productCodes: {},
        instanceType: type,
        launchTime: c.sec * 1000,
        placement: { availabilityZone: c.res.azs[subnetIdx], tenancy: 'default' },
        monitoring: { state: 'disabled' },
        subnetId: c.res.subnets[subnetIdx],
        vpcId: c.res.vpcId,
        privateIpAddress: ip,
        stateReason: { code: 'pending', message: 'pending' },
        architecture: type.startsWith('c7g') ? 'arm64' : 'x86_64',
        rootDeviceType: 'ebs',
        rootDeviceName: '/dev/xvda',
        blockDeviceMapping: {},
        virtualizationType: 'hvm',
        hypervisor: 'xen',
        groupSet: items({ groupId: tmpl.sg.id, groupName: tmpl.sg.name }),
        sourceDestCheck: true,
        networkInterfaceSet: items({
          networkInterfaceId: `eni-0${c.rng.hex(16)}`,
          subnetId: c.res.subnets[subnetIdx],
          vpcId: c.res.vpcId,
          ownerId: c.acct.id,
          status: 'in-use',
          privateIpAddress: ip,
          sourceDestCheck: true,
          interfaceType: 'interface',
          groupSet: items({ groupId: tmpl.sg.id, groupName: tmpl.sg.name }),
          attachment: {
            attachmentId: `eni-attach-0${c.rng.hex(16)}`,
            deviceIndex: 0,
            networkCardIndex: 0,
            status: 'attaching',
            attachTime: c.sec * 1000,
            deleteOnTermination: true,
          },
          privateIpAddressesSet: items({ privateIpAddress: ip, primary: true }),
          ipv6AddressesSet: {},
          tagSet: {},
        }),
        ebsOptimized: false,
        enaSupport: true,
        cpuOptions: { coreCount: 1, threadsPerCore: 2 },
        capacityReservationSpecification: { capacityReservationPreference: 'open' },
        enclaveOptions: { enabled: false },
        metadataOptions: {
          state: 'pending',
          httpTokens: 'required',
          httpPutResponseHopLimit: 2,
          httpEndpoint: 'enabled',
          httpProtocolIpv4: 'enabled',
          httpProtocolIpv6: 'disabled',
          instanceMetadataTags: 'disabled',
        },
        maintenanceOptions: { autoRecovery: 'default' },
        tagSet: items({ key: 'Name', value: name }, { key: 'team', value: 'orders' }),
      });
    }
    c.resp = {
      requestId: c.requestId,
      reservationId: `r-0${c.rng.hex(16)}`,
      ownerId: c.acct.id,
      groupSet: {},
      instancesSet: { items: launched },
    };
  },
});

export const createSecurityGroup = api(EC2, 'CreateSecurityGroup', {
  ro: false,
  errors: [[fail('Client.InvalidGroup.Duplicate', (c) => `The security group '${(c.req as Json).groupName}' already exists for VPC '${c.res.vpcId}'`), 1]],
  errorRate: 0.05,
  build(c) {
    const name = `${c.rng.pick(['orders', 'reports', 'etl', 'metrics', 'cache'])}-${c.rng.pick(['alb', 'app', 'db', 'redis'])}-sg`;
    const id = `sg-0${c.rng.hex(16)}`;
    c.req = { groupName: name, groupDescription: `Managed by Terraform: ${name}`, vpcId: c.res.vpcId };
    c.resp = { requestId: c.requestId, _return: true, groupId: id, securityGroupArn: `arn:aws:ec2:${c.region}:${c.acct.id}:security-group/${id}` };
  },
});

const INGRESS: Array<[string, number, number, string, string]> = [
  ['tcp', 443, 443, '0.0.0.0/0', 'HTTPS from anywhere'],
  ['tcp', 80, 80, '0.0.0.0/0', 'HTTP redirect'],
  ['tcp', 5432, 5432, '10.11.0.0/16', 'Postgres from app subnets'],
  ['tcp', 6379, 6379, '10.11.0.0/16', 'Redis from app subnets'],
  ['tcp', 22, 22, '211.60.50.190/32', 'SSH from HQ'],
  ['tcp', 22, 22, '0.0.0.0/0', 'temp debug'],
  ['tcp', 3389, 3389, '0.0.0.0/0', ''],
];

function ingress(name: string) {
  return api(EC2, name, {
    ro: false,
    errors: name.startsWith('Authorize')
      ? [
          [
            fail('Client.InvalidPermission.Duplicate', (c) => {
              const p = (
                (c.req as Json).ipPermissions as {
                  items: Array<{ ipProtocol: string; fromPort: number; toPort: number; ipRanges: { items: Array<{ cidrIp: string }> } }>;
                }
              ).items[0];
              return `the specified rule "peer: ${p.ipRanges.items[0].cidrIp}, ${p.ipProtocol.toUpperCase()}, from port: ${p.fromPort}, to port: ${p.toPort}, ALLOW" already exists`;
            }),
            1,
          ],
        ]
      : [[fail('Client.InvalidPermission.NotFound', 'The specified rule does not exist in this security group.'), 1]],
    errorRate: 0.08,
    build(c) {
      const sg = c.rng.pick(c.res.sgs);
      const [proto, from, to, cidr, desc] = INGRESS[Math.min(INGRESS.length - 1, Math.floor(c.rng.float() * c.rng.float() * INGRESS.length))];
      const range: Json = desc ? { cidrIp: cidr, description: desc } : { cidrIp: cidr };
      c.req = {
        groupId: sg.id,
        ipPermissions: items({ ipProtocol: proto, fromPort: from, toPort: to, groups: {}, ipRanges: items(range), ipv6Ranges: {}, prefixListIds: {} }),
      };
      c.resp = name.startsWith('Authorize')
        ? {
            requestId: c.requestId,
            _return: true,
            securityGroupRuleSet: items({
              groupOwnerId: c.acct.id,
              groupId: sg.id,
              securityGroupRuleId: `sgr-0${c.rng.hex(16)}`,
              isEgress: false,
              ipProtocol: proto,
              fromPort: from,
              toPort: to,
              cidrIpv4: cidr,
              ...(desc ? { description: desc } : {}),
            }),
          }
        : { requestId: c.requestId, _return: true };
    },
  });
}
export const authorizeSecurityGroupIngress = ingress('AuthorizeSecurityGroupIngress');
export const revokeSecurityGroupIngress = ingress('RevokeSecurityGroupIngress');

export const createTags = api(EC2, 'CreateTags', {
  ro: false,
  build(c) {
    c.req = {
      resourcesSet: items({ resourceId: instance(c).id }),
      tagSet: items({ key: c.rng.pick(['owner', 'cost-center', 'environment', 'patch-group']), value: c.rng.pick(['orders', 'platform', 'prod', 'weekly']) }),
    };
    c.resp = { requestId: c.requestId, _return: true };
  },
});
