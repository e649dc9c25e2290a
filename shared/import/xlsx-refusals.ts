/**
 * Why a file the user picked is no .xlsx the readers take: damaged, another format, a
 * Compound File (OLE2) container (a password-protected .xlsx, a legacy .xls, another Office
 * file), told apart from its directory without a full OLE parser.
 */
import { bi, ImportError } from './errors';

export function damaged(cause?: unknown): ImportError {
  return new ImportError(
    'damaged',
    bi(
      '檔案已損壞或不完整（可能下載或複製時中斷），無法以 Excel 活頁簿讀取。',
      'The file is damaged or truncated (perhaps cut off while downloading or copying); it cannot be read as an Excel workbook.',
    ),
    {},
    { cause },
  );
}

export function notXlsx(): ImportError {
  return new ImportError(
    'not-xlsx',
    bi(
      '這不是 Excel 活頁簿（.xlsx）：可能是其他格式（Word、OpenDocument 或一般壓縮檔）。請在 Excel 另存為 .xlsx。',
      'This is not an Excel workbook (.xlsx) but another format (Word, OpenDocument or a plain ZIP archive). Save it as .xlsx in Excel.',
    ),
  );
}

const END_OF_CHAIN = 0xfffffffa; // and above: ENDOFCHAIN, FREESECT, FATSECT, DIFSECT

/**
 * The names in a Compound File's directory, or `null` if it cannot be followed. Only the FAT
 * sectors listed in the header are used (enough for files up to 7 MiB with 512-byte sectors,
 * and for the directory of any encrypted .xlsx, which comes first).
 */
export function oleDirectoryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const perFatSector = sectorSize / 4;
  const fatEntry = (sector: number): number | null => {
    const fatIndex = Math.floor(sector / perFatSector);
    if (fatIndex >= 109) return null;
    const fatSector = view.getUint32(76 + fatIndex * 4, true);
    const at = sectorOffset(fatSector) + (sector % perFatSector) * 4;
    return fatSector < END_OF_CHAIN && at + 4 <= bytes.length ? view.getUint32(at, true) : null;
  };
  const names: string[] = [];
  const utf16 = new TextDecoder('utf-16le');
  let sector = view.getUint32(48, true);
  for (let hops = 0; sector < END_OF_CHAIN && hops < 1024; hops++) {
    const start = sectorOffset(sector);
    if (start + sectorSize > bytes.length) return names.length > 0 ? names : null;
    for (let entry = start; entry < start + sectorSize; entry += 128) {
      const nameLength = view.getUint16(entry + 64, true);
      if (nameLength >= 2 && nameLength <= 64) {
        names.push(utf16.decode(bytes.subarray(entry, entry + nameLength - 2)));
      }
    }
    const next = fatEntry(sector);
    if (next === null) break;
    sector = next;
  }
  return names.length > 0 ? names : null;
}

export function refuseOle(bytes: Uint8Array): never {
  const names = oleDirectoryNames(bytes) ?? [];
  const has = (name: string) => names.includes(name);
  if (!has('EncryptedPackage') && !has('EncryptionInfo')) {
    if (has('Workbook') || has('Book')) {
      throw new ImportError(
        'legacy-xls',
        bi(
          '這是舊版 Excel 97–2003 活頁簿（.xls），不支援；請在 Excel 另存為 .xlsx。',
          'This is a legacy Excel 97–2003 workbook (.xls), which is not supported; save it as .xlsx in Excel.',
        ),
      );
    }
    if (names.length > 0) throw notXlsx();
  }
  throw new ImportError(
    'password-protected',
    bi(
      '活頁簿有密碼保護（已加密），無法讀取。請在 Excel 開啟後，於「檔案 → 資訊 → 保護活頁簿 → 以密碼加密」清除密碼，另存後再匯入。',
      'The workbook is password-protected (encrypted) and cannot be read. Open it in Excel, clear the password under File → Info → Protect Workbook → Encrypt with Password, save, and import it again.',
    ),
  );
}
