/**
 * The template gallery's entries: the example systems in docs/examples (read through the same
 * schema as any file) and the start of every tutorial lesson, each with a bilingual title and a
 * one-line description. No React, no DOM, no store.
 */
import { parseTopology, t, type Text, type Topology } from '../../core/model';
import { LESSONS } from '../../core/scenarios/lessons';

export interface Template {
  id: string;
  group: 'examples' | 'lessons';
  title: Text;
  description: Text;
  topology: Topology;
}

/** Words for the example files; a file without an entry here is refused by a unit test. */
const EXAMPLE_TEXT: Record<string, { title: Text; description: Text }> = {
  'all-in-one': {
    title: t('All-in-one box', '올인원 머신'),
    description: t(
      'One machine runs web, app and database: where every service starts.',
      '머신 한 대가 웹, 앱, 데이터베이스를 모두 돌립니다. 모든 서비스의 출발점입니다.',
    ),
  },
  'three-tier': {
    title: t('Three tiers: web, app, database', '3계층: 웹, 앱, 데이터베이스'),
    description: t(
      'Each tier on a server of its own, so each can grow on its own.',
      '계층마다 서버를 따로 두어 계층별로 키울 수 있습니다.',
    ),
  },
  'lb-replicas': {
    title: t('Load balancer, a primary and two replicas', '로드 밸런서, 프라이머리와 복제본 두 대'),
    description: t(
      'DNS, a load balancer over two web servers, and reads spread over two replicas.',
      'DNS와 웹 서버 두 대 앞의 로드 밸런서, 읽기는 복제본 두 대가 나눠 맡습니다.',
    ),
  },
};

/**
 * The first sentence of a text (both languages end sentences with . ! or ?).
 * @example firstSentence('One. Two.') === 'One.'
 */
export function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(text.trim());
  return m ? m[0] : text.trim();
}

export interface ExampleFile {
  /** The file's base name, e.g. 'three-tier'. */
  id: string;
  data: unknown;
}

/**
 * Builds the example entries; a file the schema refuses or that has no words is an error here
 * (and in the unit test), not a silently missing card.
 */
export function exampleTemplates(files: readonly ExampleFile[]): Template[] {
  return files.map(({ id, data }) => {
    const parsed = parseTopology(data);
    if (!parsed.ok) throw new Error(`docs/examples/${id}.json is not a valid topology`);
    const words = EXAMPLE_TEXT[id];
    if (!words) throw new Error(`docs/examples/${id}.json has no title in the template gallery`);
    return { id: `example:${id}`, group: 'examples', ...words, topology: parsed.value };
  });
}

/** One entry per lesson: its title, the first sentence of its introduction, its start. */
export const lessonTemplates = (): Template[] =>
  LESSONS.map((l) => ({
    id: `lesson:${l.id}`,
    group: 'lessons',
    title: l.title,
    description: { en: firstSentence(l.intro.en), ko: firstSentence(l.intro.ko) },
    topology: l.start,
  }));

const files = import.meta.glob<unknown>('../../../docs/examples/*.json', {
  eager: true,
  import: 'default',
});

/** The example files bundled into the app, by base name, in name order. */
export const EXAMPLE_FILES: readonly ExampleFile[] = Object.keys(files)
  .sort()
  .map((path) => ({ id: path.replace(/^.*\/|\.json$/g, ''), data: files[path] }));

let built: readonly Template[] | null = null;

/**
 * Every template, examples first. Built on first use, not while the app's modules load: parsing
 * before start-up has configured the schema library would need `eval` (see jitlessZod.ts).
 */
export function allTemplates(): readonly Template[] {
  built ??= [...exampleTemplates(EXAMPLE_FILES), ...lessonTemplates()];
  return built;
}
