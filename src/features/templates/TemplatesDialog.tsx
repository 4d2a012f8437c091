import { msg, useT } from '../../i18n';
import { useNoticeStore } from '../../state/noticeStore';
import { loadIntoEditor, requestFit, useShareStore } from '../../state/shareStore';
import { Dialog } from '../share/Dialog';
import { allTemplates, type Template } from './catalogue';

const GROUPS = [
  { id: 'examples', title: 'templates.examples' },
  { id: 'lessons', title: 'templates.lessons' },
] as const;

/** The gallery of starting topologies; one click replaces the canvas (Undo brings it back). */
export function TemplatesDialog() {
  const t = useT();
  const open = useShareStore((s) => s.dialog === 'templates');
  const setDialog = useShareStore((s) => s.setDialog);

  const choose = (x: Template) => {
    loadIntoEditor(x.topology);
    requestFit();
    useNoticeStore.getState().push(msg('templates.opened', { name: x.title }));
    setDialog(null);
  };

  return (
    <Dialog
      open={open}
      title={t('templates.title')}
      closeLabel={t('share.close')}
      onClose={() => setDialog(null)}
      testId="templates"
      widthClass="max-w-3xl"
    >
      <p className="text-sm text-muted">{t('templates.intro')}</p>
      {GROUPS.map((g) => (
        <section key={g.id} className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{t(g.title)}</h3>
          <ul className="grid gap-2 sm:grid-cols-2">
            {allTemplates()
              .filter((x) => x.group === g.id)
              .map((x) => (
                <li key={x.id}>
                  <button
                    type="button"
                    data-testid="template"
                    data-template={x.id}
                    onClick={() => choose(x)}
                    className="flex h-full w-full flex-col items-start gap-1 rounded-md border border-border p-3 text-left hover:border-accent hover:bg-accent-soft focus-visible:border-accent"
                  >
                    <span className="font-medium">{t.text(x.title)}</span>
                    <span className="text-sm text-muted">{t.text(x.description)}</span>
                    <span className="text-xs text-muted">
                      {t('templates.nodes', { n: x.topology.nodes.length })}
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Dialog>
  );
}
