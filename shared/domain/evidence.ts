/**
 * Evidence attachments: whatever file an auditor collects (a screenshot, a signed form, a log
 * extract), kept encrypted in the vault. The record holds what describes the file; its bytes
 * are sealed separately so lists stay light.
 */
import { z } from 'zod';

/** Large enough for scans and exports; IndexedDB and WebCrypto handle this in one piece. */
export const MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;

export const evidenceSchema = z.object({
  /** The record the file supports: an inspection, a checklist result, a finding, a register entry. */
  ownerId: z.string().min(1),
  name: z.string().trim().min(1).max(255),
  mimeType: z.string().max(255),
  size: z.number().int().nonnegative().max(MAX_EVIDENCE_BYTES),
  /** Hex SHA-256 of the content, checked again whenever the file is opened. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  description: z.string().max(2000),
});
export type Evidence = z.infer<typeof evidenceSchema>;
