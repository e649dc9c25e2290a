import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../../shared/domain/evidence';
import { MAX_EVIDENCE_BYTES } from '../../../shared/domain/evidence';
import type { RecordId, Stored } from '../../../shared/domain/records';
import { useApp } from '../../app/app-context';
import { describeError } from '../../app/describe-error';
import type { VaultSession } from '../../data/vault-session';
import { ErrorText } from '../../ui/ErrorText';
import { canPreview, EvidencePreview } from './EvidencePreview';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Evidence files of a working paper: stored encrypted in the vault, never written to disk in
 * clear unless the user saves a copy.
 */
export function EvidenceList({
  session,
  inspectionId,
  evidence,
  onAttached,
  onRemoved,
  level = 3,
}: {
  session: VaultSession;
  inspectionId: RecordId;
  evidence: Stored<Evidence>[];
  onAttached: (id: RecordId) => Promise<void>;
  onRemoved: (id: RecordId) => Promise<void>;
  /** Its heading's level: 3 under an item's working paper, 2 where no h2 is above it. */
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { platform } = useApp();
  const Heading = level === 2 ? 'h2' : 'h3';
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{
    id: RecordId;
    name: string;
    bytes: Uint8Array<ArrayBuffer>;
  } | null>(null);
  const guard = (task: () => Promise<void>) => {
    setError(null);
    task().catch((e: unknown) => setError(describeError(e, t)));
  };

  return (
    <section className="evidence">
      <Heading>{t('evidence.heading')}</Heading>
      <ul className="plain">
        {evidence.map((file) => (
          <li key={file.id} className="evidence-row">
            <span>
              {file.name} <span className="muted small">({formatSize(file.size)})</span>
              <span className="mono tiny muted" title="SHA-256">
                {' '}
                {file.sha256.slice(0, 16)}…
              </span>
            </span>
            <span className="actions">
              {canPreview(file.name) && (
                <button
                  type="button"
                  className="ghost"
                  onClick={() =>
                    guard(async () => {
                      const { bytes } = await session.readAttachment(file.id);
                      setPreview({ id: file.id, name: file.name, bytes });
                    })
                  }
                >
                  {t('evidence.view')}
                </button>
              )}
              <button
                type="button"
                className="ghost"
                onClick={() =>
                  guard(async () => {
                    const { bytes } = await session.readAttachment(file.id);
                    await platform.saveFile({ suggestedName: file.name, data: bytes });
                  })
                }
              >
                {t('evidence.saveCopy')}
              </button>
              <button
                type="button"
                className="danger-ghost"
                onClick={() =>
                  guard(async () => {
                    if (!window.confirm(t('evidence.confirmRemove', { name: file.name }))) return;
                    await session.removeAttachment(file.id, file.rev);
                    await onRemoved(file.id);
                  })
                }
              >
                {t('common.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          guard(async () => {
            const file = await platform.openFile({ maxBytes: MAX_EVIDENCE_BYTES });
            if (!file) return;
            const added = await session.attach(inspectionId, {
              name: file.name,
              mimeType: '',
              bytes: new Uint8Array(file.data),
            });
            await onAttached(added.id);
          })
        }
      >
        {t('evidence.add')}
      </button>
      <ErrorText message={error} />
      {preview && (
        <EvidencePreview
          name={preview.name}
          bytes={preview.bytes}
          onClose={() => setPreview(null)}
          onReveal={async () => {
            await session.log({
              action: 'personal-data.revealed',
              target: { table: 'evidence', id: preview.id },
              summary: preview.name,
            });
          }}
        />
      )}
    </section>
  );
}
