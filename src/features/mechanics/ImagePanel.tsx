import { useState } from 'react';
import { t as text, type TopologyNode } from '../../core/model';
import { addImage, createImage, launchFromImage } from '../../core/model/mechanics';
import { useT } from '../../i18n';
import { useTopologyStore } from '../../state/topologyStore';
import { inputClass } from '../inspector/fields';
import { buttonClass, primaryButtonClass, useTx } from './shared';
import { Refusal, Section } from './ui';

/**
 * "Create image" of a server and "Launch from image": an identical server beside it, calling the
 * same callees, optionally registered with a load balancer (the LB then sends it traffic). Images
 * belong to the document: undoable, autosaved, and carried by files and share links.
 */
export function ImagePanel({ node }: { node: TopologyNode & { kind: 'server' } }) {
  const t = useT();
  const tx = useTx();
  const topo = useTopologyStore((s) => s.doc.present);
  const apply = useTopologyStore((s) => s.applyMechanic);
  const images = topo.images ?? [];
  const lbs = topo.nodes.filter((n) => n.kind === 'lb');
  const callerLb = lbs.find((lb) => topo.links.some((l) => l.from === lb.id && l.to === node.id));
  const [imageIx, setImageIx] = useState(-1);
  const [lb, setLb] = useState(callerLb?.id ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const chosen = images[imageIx] ?? images[images.length - 1];
  return (
    <Section title={tx(text('Image', '이미지'))} testId="mech-image">
      <button
        type="button"
        data-testid="mech-create-image"
        className={buttonClass}
        onClick={() => {
          const r = createImage(topo, node.id);
          if (!r.ok) return setRefusal(t.text(r.reason));
          const added = addImage(topo, r.topology);
          if (!added.ok) return setRefusal(t.text(added.reason));
          const { topology: next, name } = added.topology;
          apply({ ok: true, topology: { topology: next, created: [] } });
          setImageIx(images.length);
          setRefusal(null);
          setMessage(tx(text('Image {n} created.', '이미지 {n}을(를) 만들었습니다.'), { n: name }));
        }}
      >
        {tx(text('Create image', '이미지 만들기'))}
      </button>
      {message && (
        <p className="text-xs text-muted" role="status">
          {message}
        </p>
      )}
      {chosen && (
        <div className="flex flex-col gap-1.5 border-t border-border pt-2">
          <select
            aria-label={tx(text('Image', '이미지'))}
            className={inputClass}
            value={images.indexOf(chosen)}
            onChange={(e) => setImageIx(Number(e.target.value))}
            data-testid="mech-image-pick"
          >
            {images.map((im, i) => (
              <option key={im.name} value={i}>
                {im.name}
              </option>
            ))}
          </select>
          <select
            aria-label={tx(text('Register with', '등록할 곳'))}
            className={inputClass}
            value={lb}
            onChange={(e) => setLb(e.target.value)}
            data-testid="mech-image-lb"
          >
            <option value="">
              {tx(text('Not registered with a load balancer', '로드 밸런서에 등록하지 않음'))}
            </option>
            {lbs.map((x) => (
              <option key={x.id} value={x.id}>
                {tx(text('Register with {lb}', '{lb}에 등록'), { lb: x.label || x.id })}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="mech-launch"
            className={primaryButtonClass}
            onClick={() => {
              const near = { x: node.x + 40, y: node.y + 160 };
              const r = apply(
                launchFromImage(topo, chosen, { near, ...(lb ? { registerWith: lb } : {}) }),
              );
              setRefusal(r ? t.text(r) : null);
            }}
          >
            {tx(text('Launch from image', '이미지로 시작'))}
          </button>
        </div>
      )}
      <Refusal text={refusal} />
    </Section>
  );
}
