/**
 * The device-disposal log (設備報廢紀錄), 自律規範第四條第六款: before equipment (mobile devices
 * included) is disposed of, confidential and sensitive data and licensed software are removed,
 * securely overwritten or physically destroyed so that nothing on the disks and media can be
 * recovered; a record is kept; a third party that destroys media signs a confidentiality
 * contract.
 *
 * Sanitisation is described in the terms of NIST SP 800-88 Rev. 1 (Guidelines for Media
 * Sanitization, 2014): a method (Clear, Purge, Destroy; §2.5 and Table 5-1) and the technique
 * used for it. Which technique suits which medium follows the media-specific guidance of its
 * Appendix A; `sanitisationWarnings` turns the few well-founded rules into warnings, and the
 * `unsuitable` ones become `method-unsuitable` flags (see flags.ts).
 */
import { z } from 'zod';
import type { Bilingual } from '../../catalog/schema';
import { isIsoDate, isoDateSchema } from '../../domain/dates';
import { isRecordId } from '../../domain/records';
import { bi } from '../../domain/inspection/text';

// ——— Devices and media ———

export const DEVICE_TYPES = [
  'desktop',
  'laptop',
  'server',
  'phone',
  'tablet',
  'storage-media',
  'network-device',
  'printer-mfp',
  'other',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const DEVICE_TYPE_LABELS: Readonly<Record<DeviceType, Bilingual>> = {
  desktop: bi('桌上型電腦', 'Desktop computer'),
  laptop: bi('筆記型電腦', 'Laptop'),
  server: bi('伺服器', 'Server'),
  phone: bi('手機', 'Mobile phone'),
  tablet: bi('平板電腦', 'Tablet'),
  'storage-media': bi(
    '儲存媒體（硬碟、SSD、USB 隨身碟、磁帶、光碟）',
    'Storage media (HDD, SSD, USB drive, tape, optical disc)',
  ),
  'network-device': bi(
    '網路設備（交換器、路由器、防火牆）',
    'Network device (switch, router, firewall)',
  ),
  // Multifunction printers and copiers keep scanned and printed pages on an internal disk.
  'printer-mfp': bi(
    '印表機／多功能事務機（內含硬碟）',
    'Printer / multifunction printer (has a disk)',
  ),
  other: bi('其他', 'Other'),
};

/** Mobile devices in the sense of 自律規範第二條第二款 (laptops included). */
export const MOBILE_DEVICE_TYPES: readonly DeviceType[] = ['laptop', 'phone', 'tablet'];

/**
 * What the data sat on. It decides which techniques work (degaussing works on magnetic media
 * only; overwriting reaches Purge only on magnetic disks; optical discs can only be
 * destroyed). Null when not recorded; phones and tablets are embedded flash in any case.
 */
export const MEDIA_TYPES = [
  'hdd',
  'ssd',
  'usb-flash',
  'embedded-flash',
  'tape',
  'optical',
] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const MEDIA_TYPE_LABELS: Readonly<Record<MediaType, Bilingual>> = {
  hdd: bi('傳統硬碟（磁性，HDD）', 'Hard disk drive (magnetic, HDD)'),
  ssd: bi('固態硬碟（SSD）', 'Solid-state drive (SSD)'),
  'usb-flash': bi('USB 隨身碟或記憶卡', 'USB flash drive or memory card'),
  'embedded-flash': bi(
    '內建快閃記憶體（手機、平板、網路設備）',
    'Embedded flash memory (phones, tablets, network devices)',
  ),
  tape: bi('磁帶', 'Magnetic tape'),
  optical: bi('光碟（CD、DVD、BD）', 'Optical disc (CD, DVD, BD)'),
};

const FLASH: readonly MediaType[] = ['ssd', 'usb-flash', 'embedded-flash'];

/** The recorded medium, or the one the device type implies (phones and tablets: flash). */
export function effectiveMedia(record: {
  deviceType: DeviceType;
  mediaType: MediaType | null;
}): MediaType | null {
  if (record.mediaType !== null) return record.mediaType;
  return record.deviceType === 'phone' || record.deviceType === 'tablet' ? 'embedded-flash' : null;
}

// ——— Classification (the asset list's values, shared/import/fields.ts ASSET_FIELDS) ———

/** 機密等級 as the asset list records it; checked against ASSET_FIELDS by a test. */
export const CLASSIFICATIONS = ['普通', '限閱', '密', '極機密'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, Bilingual>> = {
  普通: bi('普通', 'General'),
  限閱: bi('限閱', 'Restricted'),
  密: bi('密', 'Confidential'),
  極機密: bi('極機密', 'Secret'),
};

/** The levels treated like NIST's moderate and high confidentiality. */
export const HIGH_CLASSIFICATIONS: readonly Classification[] = ['密', '極機密'];

export function isHighClassification(value: Classification | null): boolean {
  return value !== null && HIGH_CLASSIFICATIONS.includes(value);
}

// ——— Methods and techniques (NIST SP 800-88 Rev. 1) ———

export const SANITISATION_METHODS = ['clear', 'purge', 'destroy'] as const;
export type SanitisationMethod = (typeof SANITISATION_METHODS)[number];

export interface MethodInfo {
  label: Bilingual;
  /** NIST SP 800-88 Rev. 1 §2.5, shortened. */
  definition: Bilingual;
}

export const SANITISATION_METHOD_INFO: Readonly<Record<SanitisationMethod, MethodInfo>> = {
  clear: {
    label: bi('清除（Clear）', 'Clear'),
    definition: bi(
      '以邏輯技術處理所有使用者可定址之儲存位置（以標準讀寫指令覆寫，或無法覆寫時回復原廠設定），可防範簡易、非侵入式之資料還原。',
      'Logical techniques applied to all user-addressable storage locations (overwriting through the standard read and write commands, or a factory reset where rewriting is not supported); protects against simple, non-invasive recovery.',
    ),
  },
  purge: {
    label: bi('清洗（Purge）', 'Purge'),
    definition: bi(
      '以實體或邏輯技術（如媒體內建之安全清除指令、加密抹除、消磁），使資料即使以最先進之實驗室技術亦無法還原。',
      'Physical or logical techniques (the media’s own sanitise commands, cryptographic erase, degaussing) that make recovery infeasible even with state-of-the-art laboratory techniques.',
    ),
  },
  destroy: {
    label: bi('破壞（Destroy）', 'Destroy'),
    definition: bi(
      '使資料以最先進之實驗室技術亦無法還原，且媒體從此無法再用於儲存資料（如碎斷、分解、研磨粉碎、焚化）。',
      'Makes recovery infeasible even with state-of-the-art laboratory techniques and leaves the media unable to store data again (shred, disintegrate, pulverise, incinerate).',
    ),
  },
};

export const TECHNIQUES = [
  'overwrite',
  'factory-reset',
  'block-erase',
  'secure-erase',
  'crypto-erase',
  'degauss',
  'shred',
  'disintegrate',
  'pulverise',
  'incinerate',
  'drill-punch',
  'other',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const TECHNIQUE_LABELS: Readonly<Record<Technique, Bilingual>> = {
  overwrite: bi('覆寫', 'Overwrite'),
  'factory-reset': bi('回復原廠設定', 'Factory reset'),
  'block-erase': bi('區塊抹除（Block Erase）', 'Block erase'),
  'secure-erase': bi('安全抹除指令（Secure Erase）', 'Secure erase command'),
  'crypto-erase': bi('加密抹除（銷毀加密金鑰）', 'Cryptographic erase'),
  degauss: bi('消磁', 'Degauss'),
  shred: bi('碎斷', 'Shred'),
  disintegrate: bi('分解', 'Disintegrate'),
  pulverise: bi('研磨粉碎', 'Pulverise'),
  incinerate: bi('焚化', 'Incinerate'),
  'drill-punch': bi('鑽孔／打孔', 'Drill or punch'),
  other: bi('其他（請說明）', 'Other (describe)'),
};

/**
 * The techniques each method allows. Overwrite is Clear when done with the standard write
 * commands (software such as a disk wiper) and Purge only on magnetic disks through the
 * drive's own sanitise-overwrite command (800-88 Appendix A, ATA and SCSI hard disk drives);
 * `sanitisationWarnings` flags a Purge overwrite on flash. `other` needs `techniqueOther`.
 */
export const METHOD_TECHNIQUES: Readonly<Record<SanitisationMethod, readonly Technique[]>> = {
  clear: ['overwrite', 'factory-reset', 'other'],
  purge: ['overwrite', 'block-erase', 'secure-erase', 'crypto-erase', 'degauss', 'other'],
  destroy: ['shred', 'disintegrate', 'pulverise', 'incinerate', 'drill-punch', 'other'],
};

export function isAllowedTechnique(method: SanitisationMethod, technique: Technique): boolean {
  return METHOD_TECHNIQUES[method].includes(technique);
}

/**
 * The method a technique implies when only the technique was written down (an imported log
 * that says 消磁 or 碎斷). Overwrite and factory reset imply Clear, the lower level: a log that
 * only says "overwrite" does not show a Purge. `other` implies nothing.
 */
export function impliedMethod(technique: Technique): SanitisationMethod | null {
  switch (technique) {
    case 'overwrite':
    case 'factory-reset':
      return 'clear';
    case 'block-erase':
    case 'secure-erase':
    case 'crypto-erase':
    case 'degauss':
      return 'purge';
    case 'shred':
    case 'disintegrate':
    case 'pulverise':
    case 'incinerate':
    case 'drill-punch':
      return 'destroy';
    case 'other':
      return null;
  }
}

// ——— Media-specific warnings ———

export const SANITISATION_RULES = [
  'degauss-non-magnetic',
  'purge-overwrite-flash',
  'optical-destroy-only',
  'technique-not-applicable',
  'clear-classified-leaving',
  'degauss-unknown-media',
  'purge-overwrite-unknown-media',
  'clear-classified-disposition-unknown',
  'crypto-erase-needs-encryption',
  'mobile-reset-needs-encryption',
  'drill-punch-partial',
  'usb-purge-unsupported',
  'mfp-reset-storage',
  'other-technique',
] as const;
export type SanitisationRule = (typeof SANITISATION_RULES)[number];

/**
 * `unsuitable`: per 800-88 the technique cannot give the claimed result on this medium (a
 * `method-unsuitable` flag on a completed record); `check`: it can, if a condition holds that
 * the record does not show (shown to the user, no flag).
 */
export type WarningLevel = 'unsuitable' | 'check';

export interface SanitisationWarning {
  rule: SanitisationRule;
  level: WarningLevel;
  text: Bilingual;
  /** Where the rule comes from. */
  source: string;
}

const SOURCES = {
  s25: 'NIST SP 800-88 Rev. 1 §2.5',
  s26: 'NIST SP 800-88 Rev. 1 §2.6',
  flow: 'NIST SP 800-88 Rev. 1 §4.7, Figure 4-1; Table 5-1; 自律規範第四條第六款',
  appA: 'NIST SP 800-88 Rev. 1 Appendix A',
} as const;

/** What the warnings need to know about a record. */
export interface SanitisationInput {
  deviceType: DeviceType;
  mediaType: MediaType | null;
  method: SanitisationMethod | null;
  technique: Technique | null;
  classification: Classification | null;
  leavesOrganisation: boolean | null;
  vendorId: string | null;
}

/**
 * Whether the device leaves the company's control: recorded, or implied by a disposal vendor.
 * Null when unknown.
 */
export function leavesControl(
  input: Pick<SanitisationInput, 'leavesOrganisation' | 'vendorId'>,
): boolean | null {
  if (input.leavesOrganisation !== null) return input.leavesOrganisation;
  return input.vendorId !== null ? true : null;
}

/**
 * The media-specific caveats for a method and technique, most serious first. Kept to rules
 * NIST SP 800-88 Rev. 1 states plainly; anything else is left to the auditor's judgement.
 */
export function sanitisationWarnings(input: SanitisationInput): SanitisationWarning[] {
  const { deviceType, method, technique } = input;
  const media = effectiveMedia(input);
  const out: SanitisationWarning[] = [];
  const add = (rule: SanitisationRule, level: WarningLevel, text: Bilingual, source: string) => {
    out.push({ rule, level, text, source });
  };
  const isFlash = media !== null && FLASH.includes(media);

  if (technique === 'degauss') {
    if (isFlash || media === 'optical') {
      add(
        'degauss-non-magnetic',
        'unsuitable',
        bi(
          '消磁僅對磁性媒體有效；固態硬碟、快閃記憶體（含手機、平板）及光碟無法以消磁清除資料。',
          'Degaussing works on magnetic media only; it does not sanitise SSDs, flash memory (phones and tablets included) or optical discs.',
        ),
        `${SOURCES.s25}; ${SOURCES.appA}`,
      );
    } else if (media === null) {
      add(
        'degauss-unknown-media',
        'check',
        bi(
          '未記載媒體類型：請確認為磁性硬碟或磁帶。固態硬碟及混合式硬碟之快閃部分無法以消磁清除。',
          'The medium is not recorded: confirm it is a magnetic disk or tape. SSDs and the flash part of hybrid drives are not sanitised by degaussing.',
        ),
        SOURCES.s25,
      );
    }
  }

  if (method === 'purge' && technique === 'overwrite') {
    if (isFlash) {
      add(
        'purge-overwrite-flash',
        'unsuitable',
        bi(
          '快閃記憶體（SSD、隨身碟、手機）之保留區與重新對應區塊無法以覆寫觸及，覆寫至多達到清除（Clear）等級，不構成清洗（Purge）。',
          'On flash memory (SSD, USB drive, phone) spare and remapped blocks cannot be reached by overwriting: an overwrite is at most Clear, never Purge.',
        ),
        SOURCES.appA,
      );
    } else if (media === null) {
      add(
        'purge-overwrite-unknown-media',
        'check',
        bi(
          '以覆寫達清洗等級僅適用於磁性硬碟（以硬碟之 Sanitize Overwrite 指令執行）；請確認媒體類型及所用工具。',
          'Overwriting reaches Purge only on magnetic disks (through the drive’s sanitise-overwrite command); confirm the medium and the tool.',
        ),
        SOURCES.appA,
      );
    }
  }

  if (media === 'optical' && (method === 'clear' || method === 'purge')) {
    add(
      'optical-destroy-only',
      'unsuitable',
      bi(
        '光碟無法清除或清洗，僅能以破壞（如碎斷、焚化）處理。',
        'Optical discs cannot be cleared or purged; they can only be destroyed (e.g. shredded or incinerated).',
      ),
      SOURCES.appA,
    );
  }

  const notApplicable =
    technique !== null &&
    ((technique === 'factory-reset' && deviceType === 'storage-media') ||
      (media === 'tape' &&
        (technique === 'factory-reset' ||
          technique === 'block-erase' ||
          technique === 'secure-erase')));
  if (notApplicable) {
    add(
      'technique-not-applicable',
      'unsuitable',
      bi(
        `「${TECHNIQUE_LABELS[technique]['zh-TW']}」不適用於此類媒體（單獨之儲存媒體無回復原廠設定；磁帶無區塊抹除或安全抹除指令）。`,
        `"${TECHNIQUE_LABELS[technique].en}" does not apply to this medium (bare storage media have no factory reset; tape has no block-erase or secure-erase command).`,
      ),
      SOURCES.appA,
    );
  }

  if (method === 'clear' && isHighClassification(input.classification)) {
    const leaving = leavesControl(input);
    if (leaving === true) {
      add(
        'clear-classified-leaving',
        'unsuitable',
        bi(
          '機密等級為密或極機密之設備離開公司管控（委外銷毀、出售、捐贈或歸還），僅以清除（Clear）處理不足：清除僅防範簡易還原，應以清洗（Purge）或破壞（Destroy）處理，方能確保資料不可還原。',
          'A device classified Confidential or Secret that leaves the company’s control (vendor destruction, sale, donation or return) was only cleared: Clear protects against simple recovery only; it needs Purge or Destroy for the data to be unrecoverable.',
        ),
        SOURCES.flow,
      );
    } else if (leaving === null) {
      add(
        'clear-classified-disposition-unknown',
        'check',
        bi(
          '機密等級為密或極機密而僅以清除處理：如設備離開公司管控，應以清洗或破壞處理；請記載設備去向。',
          'Confidential or Secret data was only cleared: if the device leaves the company’s control it needs Purge or Destroy; record where it went.',
        ),
        SOURCES.flow,
      );
    }
  }

  if (technique === 'crypto-erase' && deviceType !== 'phone' && deviceType !== 'tablet') {
    add(
      'crypto-erase-needs-encryption',
      'check',
      bi(
        '加密抹除僅於資料自始即全部加密（如自我加密硬碟 SED）且金鑰無備份時有效；請確認加密狀態及金鑰已銷毀。',
        'Cryptographic erase works only if all the data was encrypted from the start (e.g. a self-encrypting drive) and no copy of the key survives; confirm both.',
      ),
      SOURCES.s26,
    );
  }

  if (
    (deviceType === 'phone' || deviceType === 'tablet') &&
    (technique === 'factory-reset' || technique === 'crypto-erase')
  ) {
    add(
      'mobile-reset-needs-encryption',
      'check',
      bi(
        '手機、平板回復原廠設定僅於裝置已啟用儲存加密（iOS；Android 啟用檔案或全機加密）時會銷毀加密金鑰而達清洗等級；未加密之舊型裝置回復原廠設定後資料可能仍可還原，請確認裝置支援加密抹除。',
        'A factory reset of a phone or tablet destroys the encryption keys (Purge level) only where storage encryption is on (iOS; Android with file-based or full-disk encryption); on older unencrypted devices data may survive the reset. Confirm the device supports cryptographic erase.',
      ),
      `${SOURCES.appA}; ${SOURCES.s26}`,
    );
  }

  if (technique === 'drill-punch') {
    add(
      'drill-punch-partial',
      'check',
      bi(
        '鑽孔、打孔、彎折或切割可能僅損壞部分媒體，未損壞之區域仍可能以實驗室技術讀取；快閃媒體須確認每一記憶體晶片均已破壞，硬碟須貫穿每一碟片。',
        'Drilling, punching, bending or cutting may only damage part of the media, and the rest may be read in a laboratory; on flash make sure every memory chip is destroyed, on a hard disk every platter is pierced.',
      ),
      SOURCES.s25,
    );
  }

  if (
    media === 'usb-flash' &&
    (technique === 'block-erase' || technique === 'secure-erase' || technique === 'crypto-erase')
  ) {
    add(
      'usb-purge-unsupported',
      'check',
      bi(
        '多數 USB 隨身碟及記憶卡不支援可靠之清洗指令；請確認工具報告顯示指令確實執行，否則應以破壞處理。',
        'Most USB drives and memory cards do not support a reliable sanitise command; confirm the tool report shows it ran, otherwise destroy them.',
      ),
      SOURCES.appA,
    );
  }

  if (deviceType === 'printer-mfp' && technique === 'factory-reset') {
    add(
      'mfp-reset-storage',
      'check',
      bi(
        '多功能事務機之硬碟或快閃記憶體存有掃描及列印影像；請確認回復原廠設定包含儲存媒體之覆寫（或原廠資料清除功能），否則應取出硬碟另行清除或破壞。',
        'A multifunction printer keeps scanned and printed images on its disk or flash; confirm the reset overwrites the storage (or use the maker’s data-erase function), otherwise take the disk out and sanitise or destroy it.',
      ),
      SOURCES.appA,
    );
  }

  if (technique === 'other') {
    add(
      'other-technique',
      'check',
      bi(
        '非屬常見技術：請確認所述方式符合所選清除等級（例如「格式化」或「刪除檔案」不構成清除）。',
        'Not a listed technique: confirm it meets the chosen method (formatting or deleting files is not a Clear).',
      ),
      SOURCES.s25,
    );
  }

  return out.sort((a, b) => levelRank(a.level) - levelRank(b.level));
}

function levelRank(level: WarningLevel): number {
  return level === 'unsuitable' ? 0 : 1;
}

// ——— The record ———

export const SOFTWARE_REMOVED = ['yes', 'no', 'not-applicable'] as const;
export type SoftwareRemoved = (typeof SOFTWARE_REMOVED)[number];

export const SOFTWARE_REMOVED_LABELS: Readonly<Record<SoftwareRemoved, Bilingual>> = {
  yes: bi('已移除', 'Removed'),
  no: bi('未移除', 'Not removed'),
  'not-applicable': bi('不適用（無授權軟體）', 'Not applicable (no licensed software)'),
};

export const DISPOSAL_STATUSES = ['pending', 'completed'] as const;
export type DisposalStatus = (typeof DISPOSAL_STATUSES)[number];

export const DISPOSAL_STATUS_LABELS: Readonly<Record<DisposalStatus, Bilingual>> = {
  pending: bi('待報廢', 'Pending'),
  completed: bi('已報廢', 'Completed'),
};

export const DISPOSAL_SOURCES = ['import', 'manual'] as const;
export type DisposalSource = (typeof DISPOSAL_SOURCES)[number];

export const DISPOSAL_MESSAGES = {
  techniqueWithoutMethod: bi(
    '請先選擇清除等級（清除、清洗或破壞），再選擇技術',
    'Choose the method (clear, purge or destroy) before the technique',
  ),
  techniqueNotForMethod: bi(
    '此技術不屬於所選之清除等級',
    'This technique does not belong to the chosen method',
  ),
  techniqueOtherRequired: bi(
    '技術為「其他」時，須說明實際方式',
    'Describe the technique when it is "other"',
  ),
  techniqueOtherOnlyForOther: bi(
    '僅技術為「其他」時填寫說明',
    'The description is only for the technique "other"',
  ),
  verifiedBeforePerformed: bi(
    '覆核日期不得早於執行日期',
    'The verification date cannot be before the date of the work',
  ),
  mediaNotForDevice: bi(
    '手機及平板之儲存媒體為內建快閃記憶體',
    'Phones and tablets store data on embedded flash memory',
  ),
} as const satisfies Record<string, Bilingual>;
export type DisposalMessageKey = keyof typeof DISPOSAL_MESSAGES;

const text = (max: number) => z.string().trim().max(max);
const recordIdSchema = (what: string) =>
  z.string().refine(isRecordId, { error: `must be ${what} record id (UUID)` });

export const disposalRecordSchema = z
  .object({
    /** 財產編號. */
    assetTag: z.string().trim().min(1).max(100),
    deviceType: z.enum(DEVICE_TYPES),
    mediaType: z.enum(MEDIA_TYPES).nullable(),
    /** '' when not recorded. */
    serialNo: text(100),
    model: text(200),
    classification: z.enum(CLASSIFICATIONS).nullable(),
    method: z.enum(SANITISATION_METHODS).nullable(),
    technique: z.enum(TECHNIQUES).nullable(),
    /** The technique in the log's words, when `technique` is `other`. */
    techniqueOther: text(500),
    /** Null: not recorded. */
    softwareRemoved: z.enum(SOFTWARE_REMOVED).nullable(),
    performedBy: text(100),
    verifiedBy: text(100),
    performedOn: isoDateSchema.nullable(),
    verifiedOn: isoDateSchema.nullable(),
    /**
     * The device leaves the company's control (scrap vendor, sale, donation, return to the
     * lessor). Null when not recorded; a disposal vendor implies yes.
     */
    leavesOrganisation: z.boolean().nullable(),
    /** The vendor's record in the agreements register. */
    vendorId: recordIdSchema('a vendor').nullable(),
    /** The evidence record holding the scanned certificate of destruction (sealed by the data layer). */
    certificateId: recordIdSchema('an evidence').nullable(),
    /** The certificate's number as the vendor wrote it, to match hand-over lists. */
    certificateNo: text(100),
    status: z.enum(DISPOSAL_STATUSES),
    note: text(2000),
    source: z.enum(DISPOSAL_SOURCES),
    /**
     * The natural key for re-import (`disposalRowKey`). It stays inside the sealed payload; an
     * index over it must go through `blindIndex`.
     */
    rowKey: z.string().max(1000).nullable(),
  })
  .superRefine((record, ctx) => {
    const fail = (path: string, messageKey: DisposalMessageKey) => {
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: DISPOSAL_MESSAGES[messageKey].en,
        params: { messageKey },
      });
    };
    if (record.technique !== null) {
      if (record.method === null) fail('technique', 'techniqueWithoutMethod');
      else if (!isAllowedTechnique(record.method, record.technique)) {
        fail('technique', 'techniqueNotForMethod');
      }
    }
    if (record.technique === 'other' && record.techniqueOther === '') {
      fail('techniqueOther', 'techniqueOtherRequired');
    }
    if (record.technique !== 'other' && record.techniqueOther !== '') {
      fail('techniqueOther', 'techniqueOtherOnlyForOther');
    }
    // Refinements run even when a date failed its own check: compare real dates only.
    if (
      isIsoDate(record.performedOn) &&
      isIsoDate(record.verifiedOn) &&
      record.verifiedOn < record.performedOn
    ) {
      fail('verifiedOn', 'verifiedBeforePerformed');
    }
    if (
      (record.deviceType === 'phone' || record.deviceType === 'tablet') &&
      record.mediaType !== null &&
      record.mediaType !== 'embedded-flash'
    ) {
      fail('mediaType', 'mediaNotForDevice');
    }
  });
export type DisposalRecord = z.infer<typeof disposalRecordSchema>;
export type DisposalRecordInput = z.input<typeof disposalRecordSchema>;

/** A disposal record as flags and drafts see it: with the stored id when there is one. */
export type DisposalRecordLike = DisposalRecord & { id?: string };

/** A new, empty record for a device: pending, nothing recorded yet. */
export function newDisposalRecord(
  assetTag: string,
  deviceType: DeviceType,
  source: DisposalSource = 'manual',
): DisposalRecord {
  return {
    assetTag,
    deviceType,
    mediaType: null,
    serialNo: '',
    model: '',
    classification: null,
    method: null,
    technique: null,
    techniqueOther: '',
    softwareRemoved: null,
    performedBy: '',
    verifiedBy: '',
    performedOn: null,
    verifiedOn: null,
    leavesOrganisation: null,
    vendorId: null,
    certificateId: null,
    certificateNo: '',
    status: 'pending',
    note: '',
    source,
    rowKey: null,
  };
}

/** Field labels, for messages that name fields (incomplete records, import errors). */
export const DISPOSAL_FIELD_LABELS = {
  assetTag: bi('財產編號', 'Asset tag'),
  deviceType: bi('設備類型', 'Device type'),
  mediaType: bi('媒體類型', 'Media type'),
  serialNo: bi('序號', 'Serial number'),
  model: bi('廠牌型號', 'Make and model'),
  classification: bi('機密等級', 'Classification'),
  method: bi('清除等級', 'Sanitisation method'),
  technique: bi('清除技術', 'Technique'),
  techniqueOther: bi('技術說明', 'Technique description'),
  softwareRemoved: bi('授權軟體移除', 'Licensed software removed'),
  performedBy: bi('執行人', 'Performed by'),
  verifiedBy: bi('覆核人', 'Verified by'),
  performedOn: bi('報廢日期', 'Disposal date'),
  verifiedOn: bi('覆核日期', 'Verification date'),
  leavesOrganisation: bi('設備離開公司管控', 'Leaves the company'),
  vendorId: bi('受託銷毀廠商', 'Disposal vendor'),
  certificateId: bi('銷毀證明', 'Certificate of destruction'),
  certificateNo: bi('銷毀證明編號', 'Certificate number'),
  status: bi('狀態', 'Status'),
  note: bi('備註', 'Note'),
} as const satisfies Partial<Record<keyof DisposalRecord, Bilingual>>;
export type DisposalFieldKey = keyof typeof DISPOSAL_FIELD_LABELS;
