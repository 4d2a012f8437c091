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
        title={tx(
          text(
            'Capture this server (roles, instance type, ports, work per request) as an image, saved with the design.',
            '이 서버(역할, 인스턴스 유형, 포트, 요청당 작업)를 이미지로 떠서 설계와 함께 저장합니다.',
          ),
        )}
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
            title={tx(text('The image to launch a copy of.', '복사본을 띄울 이미지.'))}
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
            title={tx(
              text(
                'A registered copy gets traffic from that load balancer once it passes its health checks.',
                '등록된 복사본은 상태 검사를 통과하면 그 로드 밸런서에서 트래픽을 받습니다.',
              ),
            )}
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
            title={tx(
              text(
                'Start an identical server: it boots and must pass its first health check before it gets traffic.',
                '똑같은 서버를 시작합니다. 부팅하고 첫 상태 검사를 통과해야 트래픽을 받습니다.',
              ),
            )}
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
