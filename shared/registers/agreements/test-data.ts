/** Builders for this folder's tests only: records in the shape the data layer hands out. */
import { asIsoDate, type IsoDate } from '../../domain/dates';
import { recordMetaSchema, type RecordId, type Stored } from '../../domain/records';
import { agreementSchema, type Agreement, type AgreementInput } from './agreements';
import { personSchema, type Person, type PersonInput } from './people';
import { vendorSchema, type Vendor, type VendorInput } from './vendors';

export const d = (value: string): IsoDate => asIsoDate(value);

let counter = 0;

/** A fixed, ordered record id: `00000000-0000-7000-8000-00000000000n`. */
export function idOf(n: number): RecordId {
  return recordMetaSchema.shape.id.parse(`00000000-0000-7000-8000-${String(n).padStart(12, '0')}`);
}

function meta(id?: RecordId, deleted = false) {
  counter++;
  return {
    id: id ?? idOf(100_000 + counter),
    rev: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    updatedBy: 'tester',
    deleted,
  };
}

export function personInput(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    kind: 'employee',
    employeeNo: 'E001',
    name: '王小明',
    personId: 'A123456789',
    department: '資訊處',
    title: '工程師',
    hireDate: '2024-01-02',
    leftOn: null,
    status: 'active',
    jobChanges: [],
    accessRevokedOn: null,
    holdsSystemAccess: null,
    vendorId: null,
    email: '',
    phone: '',
    note: '',
    source: 'manual',
    rowKey: null,
    ...overrides,
  };
}

export function storedPerson(
  overrides: Partial<PersonInput> = {},
  options: { id?: RecordId; deleted?: boolean } = {},
): Stored<Person> {
  return { ...personSchema.parse(personInput(overrides)), ...meta(options.id, options.deleted) };
}

export function vendorInput(overrides: Partial<VendorInput> = {}): VendorInput {
  return {
    name: '甲資訊股份有限公司',
    taxId: '04595257',
    roles: ['outsourcing'],
    services: '核心系統維運',
    handlesCustomerData: true,
    contractStart: '2024-01-01',
    contractEnd: null,
    contactName: '陳經理',
    note: '',
    source: 'manual',
    rowKey: null,
    ...overrides,
  };
}

export function storedVendor(
  overrides: Partial<VendorInput> = {},
  options: { id?: RecordId; deleted?: boolean } = {},
): Stored<Vendor> {
  return { ...vendorSchema.parse(vendorInput(overrides)), ...meta(options.id, options.deleted) };
}

export function agreementInput(
  party: { id: RecordId },
  overrides: Partial<AgreementInput> = {},
): AgreementInput {
  return {
    partyKind: 'person',
    partyId: party.id,
    kind: 'employee-undertaking',
    version: '2024.1',
    signedOn: '2024-01-02',
    signer: '王小明',
    counterSigner: '',
    attachmentId: null,
    signature: null,
    validFrom: null,
    expiresOn: null,
    note: '',
    source: 'manual',
    rowKey: null,
    ...overrides,
  };
}

export function storedAgreement(
  party: { id: RecordId },
  overrides: Partial<AgreementInput> = {},
  options: { id?: RecordId; deleted?: boolean } = {},
): Stored<Agreement> {
  return {
    ...agreementSchema.parse(agreementInput(party, overrides)),
    ...meta(options.id, options.deleted),
  };
}
