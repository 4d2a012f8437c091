/**
 * Catalogue keys for what the panel names: events, charts, groups, table columns, health words,
 * so both languages stay in step and every key is checked by the type system.
 * Contract: pure data; no React, no DOM.
 */
import type { MessageKey } from '../../i18n';
import type { GroupId } from '../../state/alertsGroups';
import type { ChartId } from './charts/chartData';
import type { EventType } from './markers';
import type { ColumnKey, HealthWord } from './tableColumns';

/** The chart subject that stands for the whole system. */
export const SYSTEM = 'system';

export const EVENT_LABEL: Record<EventType, MessageKey> = {
  killed: 'monitor.event.killed',
  restored: 'monitor.event.restored',
  slowed: 'monitor.event.slowed',
  linkCut: 'monitor.event.linkCut',
  linkRestored: 'monitor.event.linkRestored',
  azLost: 'monitor.event.azLost',
  azRestored: 'monitor.event.azRestored',
  rateChanged: 'monitor.event.rateChanged',
  targetUnhealthy: 'monitor.event.targetUnhealthy',
  targetHealthy: 'monitor.event.targetHealthy',
  scaleOut: 'monitor.event.scaleOut',
  scaleIn: 'monitor.event.scaleIn',
  instanceLaunched: 'monitor.event.instanceLaunched',
  instanceInService: 'monitor.event.instanceInService',
  instanceTerminated: 'monitor.event.instanceTerminated',
  dnsRecordChanged: 'monitor.event.dnsRecordChanged',
  topologyChanged: 'monitor.event.topologyChanged',
};

export const CHART_TITLE: Record<ChartId, MessageKey> = {
  utilization: 'monitor.chart.utilization',
  latency: 'monitor.chart.latency',
  throughput: 'monitor.chart.throughput',
  backlog: 'monitor.chart.backlog',
  replicationLag: 'monitor.chart.replicationLag',
  instances: 'monitor.chart.instances',
  cost: 'monitor.chart.cost',
};

export const CHART_UNIT: Record<ChartId, string> = {
  utilization: '%',
  latency: 'ms',
  throughput: 'req/s',
  backlog: '',
  replicationLag: 'ms',
  instances: '',
  cost: '$/h',
};

export const GROUP_LABEL: Record<GroupId, MessageKey> = {
  web: 'monitor.group.web',
  app: 'monitor.group.app',
  db: 'monitor.group.db',
  replica: 'monitor.group.replica',
  cache: 'monitor.group.cache',
};

export const COLUMN_LABEL: Record<ColumnKey, MessageKey> = {
  name: 'monitor.col.name',
  health: 'monitor.col.health',
  utilization: 'monitor.col.utilization',
  timeAbove: 'monitor.col.timeAbove',
  arrivalRate: 'monitor.col.arrivalRate',
  throughput: 'monitor.col.throughput',
  latencyP50: 'monitor.col.latencyP50',
  latencyP95: 'monitor.col.latencyP95',
  latencyP99: 'monitor.col.latencyP99',
  latencyMean: 'monitor.col.latencyMean',
  errors: 'monitor.col.errors',
  dropRate: 'monitor.col.dropRate',
  backlog: 'monitor.col.backlog',
  instances: 'monitor.col.instances',
  replicationLagMs: 'monitor.col.replicationLag',
  costPerHour: 'monitor.col.cost',
};

export const HEALTH_LABEL: Record<HealthWord, MessageKey> = {
  ok: 'monitor.health.ok',
  hot: 'monitor.health.hot',
  unhealthy: 'health.unhealthy',
  down: 'health.down',
  starting: 'health.starting',
};
