import { useId, useMemo, useState } from 'react';
import { connectRefusal, type Text } from '../../core/model';
import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { inputClass } from '../inspector/fields';

const TEXT = {
  label: { en: 'Connect to…', ko: '연결할 노드…' },
  help: {
    en: 'The nodes this one may call. The same as dragging from its right handle.',
    ko: '이 노드가 호출할 수 있는 노드입니다. 오른쪽 핸들에서 끌어 연결하는 것과 같습니다.',
  },
  none: { en: 'No node it may call yet', ko: '아직 호출할 수 있는 노드가 없습니다' },
  choose: { en: 'Choose a node', ko: '노드를 고르세요' },
  add: { en: 'Add link', ko: '연결 추가' },
} satisfies Record<string, Text>;

/**
 * A keyboard (and screen reader) way to draw a link: pick a node the selected one may call, then
 * "Add link". Only allowed callees are listed, so the choice never ends in a refusal.
 */
export function ConnectControl({ nodeId }: { nodeId: string }) {
  const t = useT();
  const id = useId();
  const topology = useTopologyStore((s) => s.doc.present);
  const connect = useTopologyStore((s) => s.connect);
  const [target, setTarget] = useState('');
  const options = useMemo(
    () => topology.nodes.filter((n) => connectRefusal(topology, nodeId, n.id) === null),
    [topology, nodeId],
  );
  const chosen = options.some((n) => n.id === target) ? target : '';
  return (
    <div className="flex flex-col gap-1" data-testid="connect-control">
      <label htmlFor={id} className="text-sm font-medium">
        {t.text(TEXT.label)}
      </label>
      <div className="flex gap-2">
        <select
          id={id}
          data-testid="connect-target"
          aria-describedby={`${id}-help`}
          value={chosen}
          disabled={options.length === 0}
          onChange={(e) => setTarget(e.target.value)}
          className={inputClass}
        >
          <option value="">{t.text(options.length === 0 ? TEXT.none : TEXT.choose)}</option>
          {options.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label} ({n.id})
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="connect-add"
          disabled={chosen === ''}
          onClick={() => {
            if (connect(nodeId, chosen) === null) setTarget('');
          }}
          className="shrink-0 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg hover:opacity-90 disabled:opacity-50"
        >
          {t.text(TEXT.add)}
        </button>
      </div>
      <p id={`${id}-help`} className="text-xs text-muted">
        {t.text(TEXT.help)}
      </p>
    </div>
  );
}
