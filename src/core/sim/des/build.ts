/**
 * Hand-built queueing networks for the reference engine: a Poisson source, stations with any
 * number of cores (including the single-server queues no instance type has), load balancers and
 * tandems of up to three stations. Tests use them to hold the engine to closed forms.
 * Contract: pure; no DOM, no clock.
 */
import {
  blankPlace,
  PLACE_LB,
  PLACE_STATION,
  PLACE_USERS,
  POLICY_P2C,
  POLICY_RANDOM,
  POLICY_RR,
  POLICY_LEAST,
  POLICY_WEIGHTED,
  Route,
  ST_SERVER,
  STAGE_APP,
  STAGE_DB,
  STAGE_DONE,
  type Network,
  type Place,
} from './compile';

export type BuildPolicy = 'round_robin' | 'random' | 'least_outstanding' | 'p2c' | 'weighted';

const POLICY: Record<BuildPolicy, number> = {
  round_robin: POLICY_RR,
  random: POLICY_RANDOM,
  least_outstanding: POLICY_LEAST,
  p2c: POLICY_P2C,
  weighted: POLICY_WEIGHTED,
};

export interface StationSpec {
  cores: number;
  /** Mean service time, seconds. */
  meanS: number;
  /** Coefficient of variation of the service time (1 exponential, 0 constant). */
  cv?: number;
  /** Room in the station (in service + waiting); Infinity for none. */
  limit?: number;
}

/**
 * Builds a network place by place.
 * @example
 * const b = new NetworkBuilder();
 * const u = b.source(3);
 * const s = b.station('q', { cores: 1, meanS: 0.25 });
 * b.connect(u, [s]);
 * runNetwork(b.build(), { seed: 1, seconds: 1e5, warmupSeconds: 100 });
 */
export class NetworkBuilder {
  private readonly nodes: Network['nodes'] = [];
  private readonly places: Place[] = [];
  /** Depth of each station in its tandem (0: first), which fixes the stage it hands on at. */
  private readonly level = new Map<number, number>();

  private add(id: string, kind: Network['nodes'][number]['kind'], p: Place): number {
    this.nodes.push({ id, kind });
    this.places.push(p);
    return this.places.length - 1;
  }

  /** A users node sending a Poisson stream of `rate` req/s (a share `readRatio` of reads). */
  source(rate: number, readRatio = 1, id = 'users'): number {
    const p = blankPlace(this.places.length, PLACE_USERS);
    p.source = {
      rate,
      peakRate: rate,
      pattern: 'constant',
      startSec: 0,
      durationSec: 1,
      readRatio,
      distinctUsers: 1000,
      cohorts: 1,
      hotUserShare: 0,
      timeout: 0,
    };
    return this.add(id, 'users', p);
  }

  /** A FCFS station with `cores` servers, serving every request it gets at one visit. */
  station(id: string, spec: StationSpec): number {
    const p = blankPlace(this.places.length, PLACE_STATION);
    p.station = ST_SERVER;
    p.cores = spec.cores;
    p.limit = spec.limit ?? Infinity;
    p.cv = spec.cv ?? 1;
    p.demand.fill(spec.meanS);
    return this.add(id, 'server', p);
  }

  /** A load balancer spreading what it gets by `policy`. */
  lb(id: string, policy: BuildPolicy): number {
    const p = blankPlace(this.places.length, PLACE_LB);
    p.forward = new Route([], POLICY[policy]);
    return this.add(id, 'lb', p);
  }

  /**
   * Sends what `from` emits to `to` (split by `policy` for sources and stations; load balancers use
   * their own). A station handing on to another makes a tandem (at most three stations deep).
   */
  connect(from: number, to: number[], opts: { policy?: BuildPolicy; rttMs?: number } = {}): void {
    const p = this.places[from]!;
    const targets = to.map((place) => ({ place, rttMs: opts.rttMs ?? 0, weight: 1 }));
    const policy = p.kind === PLACE_LB ? p.forward!.policy : POLICY[opts.policy ?? 'round_robin'];
    const route = new Route(targets, policy);
    if (p.kind !== PLACE_STATION) {
      p.forward = route;
      return;
    }
    const depth = this.level.get(from) ?? 0;
    if (depth >= 2) throw new RangeError('NetworkBuilder: a tandem holds at most three stations');
    const next = depth === 0 ? STAGE_APP : STAGE_DB;
    p.nextStage.fill(next);
    if (next === STAGE_APP) p.app = route;
    else {
      p.dbRead = [route];
      p.dbWrite = [route];
    }
    for (const t of to) {
      this.level.set(t, depth + 1);
      this.places[t]!.nextStage.fill(STAGE_DONE);
    }
  }

  build(): Network {
    return {
      nodes: this.nodes.slice(),
      places: this.places.slice(),
      placesOf: this.places.map((_, i) => [i]),
      notes: [],
    };
  }
}
