/**
 * The EC2 instance catalogue used for scale-up (model.md, "Reference figures").
 * Contract: pure data; prices are us-east-1 Linux on-demand, approximate.
 */

export interface InstanceType {
  /** vCPUs: the c of the M/M/c queue a server's roles share. */
  vcpu: number;
  /** Per-core speed relative to m5 (1.0): demand in ms is divided by it. */
  speed: number;
  /** On-demand price, US dollars per hour (billed per second). */
  pricePerHour: number;
  family: 't3' | 'm5' | 'c5' | 'r5';
}

export const INSTANCE_TYPES = {
  't3.micro': { vcpu: 2, speed: 0.9, pricePerHour: 0.0104, family: 't3' },
  't3.medium': { vcpu: 2, speed: 0.9, pricePerHour: 0.0416, family: 't3' },
  'm5.large': { vcpu: 2, speed: 1, pricePerHour: 0.096, family: 'm5' },
  'm5.xlarge': { vcpu: 4, speed: 1, pricePerHour: 0.192, family: 'm5' },
  'm5.2xlarge': { vcpu: 8, speed: 1, pricePerHour: 0.384, family: 'm5' },
  'm5.4xlarge': { vcpu: 16, speed: 1, pricePerHour: 0.768, family: 'm5' },
  'm5.8xlarge': { vcpu: 32, speed: 1, pricePerHour: 1.536, family: 'm5' },
  'c5.large': { vcpu: 2, speed: 1.15, pricePerHour: 0.085, family: 'c5' },
  'c5.xlarge': { vcpu: 4, speed: 1.15, pricePerHour: 0.17, family: 'c5' },
  'c5.2xlarge': { vcpu: 8, speed: 1.15, pricePerHour: 0.34, family: 'c5' },
  'c5.4xlarge': { vcpu: 16, speed: 1.15, pricePerHour: 0.68, family: 'c5' },
  'r5.large': { vcpu: 2, speed: 1, pricePerHour: 0.126, family: 'r5' },
  'r5.xlarge': { vcpu: 4, speed: 1, pricePerHour: 0.252, family: 'r5' },
  'r5.2xlarge': { vcpu: 8, speed: 1, pricePerHour: 0.504, family: 'r5' },
} as const satisfies Record<string, InstanceType>;

export type InstanceTypeName = keyof typeof INSTANCE_TYPES;
export const INSTANCE_TYPE_NAMES = Object.keys(INSTANCE_TYPES) as InstanceTypeName[];

/** Capacity in "m5 core equivalents": vCPU × speed. */
export const coreCapacity = (name: InstanceTypeName): number =>
  INSTANCE_TYPES[name].vcpu * INSTANCE_TYPES[name].speed;
