/**
 * Field sets for the two imports the issue names, a roster (員工名冊) and an asset list
 * (資訊資產清冊), with the header names Taiwanese HR and asset systems export. A starting
 * point: the record schemas that receive the values decide the final keys.
 */
import { bi } from './errors';
import type { ImportField } from './mapping';

export const ROSTER_FIELDS: readonly ImportField[] = [
  {
    key: 'employeeNo',
    label: bi('員工編號', 'Employee number'),
    kind: 'text',
    required: true,
    aliases: [
      '員編',
      '工號',
      '員工代號',
      '人員代號',
      '員工號碼',
      'Emp No.',
      'Employee ID',
      'Staff No.',
    ],
  },
  {
    key: 'name',
    label: bi('姓名', 'Name'),
    kind: 'text',
    required: true,
    aliases: ['員工姓名', '中文姓名', '人員姓名', 'Full Name', 'Employee Name'],
  },
  {
    key: 'personId',
    label: bi('身分證字號', 'National ID number'),
    kind: 'person-id',
    required: true,
    aliases: [
      '身分證號',
      '身份證字號',
      '身份證號',
      '身分證統一編號',
      '統一編號',
      '身分證/居留證號',
      '居留證號',
      'ID No.',
      'ID Number',
      'National ID',
    ],
  },
  {
    key: 'department',
    label: bi('部門', 'Department'),
    kind: 'text',
    required: false,
    aliases: ['單位', '部門名稱', '所屬單位', 'Dept.', 'Unit'],
  },
  {
    key: 'title',
    label: bi('職稱', 'Job title'),
    kind: 'text',
    required: false,
    aliases: ['職務', '職位', 'Title', 'Position'],
  },
  {
    key: 'hireDate',
    label: bi('到職日', 'Hire date'),
    kind: 'date',
    required: true,
    aliases: ['到職日期', '報到日', '任職日期', 'Start Date', 'Date of Hire'],
  },
  {
    key: 'email',
    label: bi('電子郵件', 'E-mail'),
    kind: 'email',
    required: false,
    aliases: ['Email', 'E-mail 信箱', '電子信箱', '公司信箱', 'Mail'],
  },
  {
    key: 'phone',
    label: bi('手機', 'Mobile phone'),
    kind: 'phone',
    required: false,
    aliases: ['手機號碼', '行動電話', '聯絡電話', '電話', 'Mobile', 'Phone'],
  },
  {
    key: 'status',
    label: bi('在職狀態', 'Employment status'),
    kind: 'enum',
    required: false,
    aliases: ['狀態', '在職別', 'Status'],
    allowed: [
      { value: '在職', aliases: ['active', '在職中', 'A'] },
      { value: '離職', aliases: ['resigned', 'terminated', '已離職', 'T'] },
      { value: '留職停薪', aliases: ['留停', 'leave', 'L'] },
    ],
  },
  {
    key: 'note',
    label: bi('備註', 'Note'),
    kind: 'text',
    required: false,
    aliases: ['說明', 'Remarks', 'Notes', 'Comment'],
  },
];

export const ASSET_FIELDS: readonly ImportField[] = [
  {
    key: 'assetTag',
    label: bi('財產編號', 'Asset tag'),
    kind: 'text',
    required: true,
    aliases: ['資產編號', '財產編碼', '資產代碼', 'Asset No.', 'Asset ID', 'Tag'],
  },
  {
    key: 'assetName',
    label: bi('資產名稱', 'Asset name'),
    kind: 'text',
    required: true,
    aliases: ['財產名稱', '名稱', '品名', 'Name', 'Description'],
  },
  {
    key: 'category',
    label: bi('類別', 'Category'),
    kind: 'enum',
    required: true,
    aliases: ['資產類別', '資產分類', '分類', 'Type', 'Asset Type'],
    allowed: [
      { value: '伺服器', aliases: ['server', '主機'] },
      { value: '個人電腦', aliases: ['pc', 'desktop', '桌上型電腦'] },
      { value: '筆記型電腦', aliases: ['notebook', 'laptop', '筆電'] },
      { value: '網路設備', aliases: ['network', '網通設備'] },
      { value: '儲存設備', aliases: ['storage'] },
      { value: '行動裝置', aliases: ['mobile', '手機', '平板'] },
      { value: '軟體', aliases: ['software'] },
      { value: '其他', aliases: ['other'] },
    ],
  },
  {
    key: 'model',
    label: bi('廠牌型號', 'Make and model'),
    kind: 'text',
    required: false,
    aliases: ['廠牌', '型號', 'Model', 'Brand'],
  },
  {
    key: 'serialNo',
    label: bi('序號', 'Serial number'),
    kind: 'text',
    required: false,
    aliases: ['機器序號', '產品序號', 'Serial No.', 'S/N'],
  },
  {
    key: 'custodian',
    label: bi('保管人', 'Custodian'),
    kind: 'text',
    required: true,
    aliases: ['保管人員', '使用人', '保管者', 'Owner', 'Custodian Name'],
  },
  {
    key: 'location',
    label: bi('存放地點', 'Location'),
    kind: 'text',
    required: false,
    aliases: ['放置地點', '存放位置', '位置', 'Site'],
  },
  {
    key: 'acquiredOn',
    label: bi('取得日期', 'Acquisition date'),
    kind: 'date',
    required: false,
    aliases: ['購置日期', '啟用日期', '採購日期', 'Purchase Date', 'Acquired'],
  },
  {
    key: 'ipAddress',
    label: bi('IP 位址', 'IP address'),
    kind: 'text',
    required: false,
    aliases: ['IP', 'IP Address', '網路位址'],
  },
  {
    key: 'classification',
    label: bi('機密等級', 'Classification'),
    kind: 'enum',
    required: false,
    aliases: ['資產等級', '分級', '機密性', 'Confidentiality'],
    allowed: [
      { value: '普通', aliases: ['一般', 'public', 'general'] },
      { value: '限閱', aliases: ['內部', 'internal', 'restricted'] },
      { value: '密', aliases: ['機密', 'confidential'] },
      { value: '極機密', aliases: ['secret'] },
    ],
  },
];
