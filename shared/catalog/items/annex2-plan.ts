/** Checklist items: Annex 2 parts II and III (assessment plan, system classes and cycles). */
import { a2, fsc } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

export const A2_PLAN_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'A2-II-1.1',
    citation: a2(2, 1),
    section: 'A2-II',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '產險業應就整體電腦系統（含自建與委外維運）依據本作業原則建構一套評估計畫，基於持續營運及保障客戶權益，依資訊資產之重要性及影響程度進行分類，定期或分階段辦理資訊安全評估作業。',
      'The insurer shall build an assessment plan under these principles covering all its computer systems (both in-house and operated by vendors), classify them by the importance and impact of the information assets with a view to business continuity and customer protection, and assess them periodically or in phases.',
    ),
    procedure: bi(
      '取得電腦系統資訊安全評估計畫及系統清冊。自系統清冊抽查 10 個系統，應含委外維運及雲端上之系統，確認均列入評估計畫並載明系統類別及預定評估時程；反向自評估計畫抽查 5 個系統，確認存在於系統清冊且類別一致。詢問資訊部門主管系統清冊之更新方式，確認新上線系統會納入計畫。',
      'Obtain the computer-system security assessment plan and the system inventory. Sample 10 systems from the inventory, including systems run by vendors or in the cloud, and confirm each is in the plan with its class and scheduled assessment; in reverse, sample 5 systems from the plan and confirm they are in the inventory with the same class. Ask the head of IT how the inventory is kept current and confirm new systems are added to the plan.',
    ),
    evidence: [
      bi('電腦系統資訊安全評估計畫', 'Computer-system security assessment plan'),
      bi('電腦系統清冊（含類別）', 'System inventory with classes'),
    ],
  },
  {
    id: 'A2-II-1.2',
    citation: a2(2, 1),
    section: 'A2-II',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '應提交「電腦系統資訊安全評估報告」，辦理矯正預防措施，並定期追蹤檢討。',
      'A “computer-system information-security assessment report” shall be submitted, corrective and preventive actions taken, and their progress tracked and reviewed periodically.',
    ),
    procedure: bi(
      '取得受查期間之評估報告及缺失改善追蹤表，確認每項缺失均有矯正預防措施、權責單位及完成期限。抽查 5 項缺失（以高風險者優先），檢視改善證據及複測結果；取得定期向管理階層（如資訊安全委員會）報告追蹤情形之紀錄，確認逾期項目有說明及新期限。',
      'Obtain the assessment reports of the period and the remediation tracking list; confirm each finding has a corrective and preventive action, an owner and a deadline. Sample 5 findings (highest risk first) and inspect the evidence of remediation and retest results; obtain the periodic progress reports to management (e.g. the information-security committee) and confirm overdue items are explained and rescheduled.',
    ),
    evidence: [
      bi('電腦系統資訊安全評估報告', 'Computer-system security assessment reports'),
      bi('缺失改善追蹤表', 'Remediation tracking list'),
      bi('改善證據及複測結果', 'Remediation evidence and retest results'),
      bi('追蹤檢討會議紀錄', 'Minutes of the follow-up reviews'),
    ],
  },
  {
    id: 'A2-II-2.1',
    citation: a2(2, 2),
    section: 'A2-II',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '評估計畫應報董（理）事會或經其授權之經理部門核定，但外國保險業在台分公司，得授權由在中華民國負責人為之。評估計畫至少每三年重新審視一次。',
      'The assessment plan shall be approved by the board of directors (or council), or by management authorised by it; a Taiwan branch of a foreign insurer may have it approved by its responsible person in the Republic of China. The plan shall be re-examined at least once every three years.',
    ),
    procedure: bi(
      '取得評估計畫之核定紀錄：董（理）事會議事錄，或董事會授權決議及經理部門核定紀錄；外國保險業在台分公司則為在中華民國負責人之核定。確認最近一次重新審視日期距今未逾三年，且計畫修訂後已重新核定。',
      'Obtain the approval of the assessment plan: the board minutes, or the board’s delegation resolution and management’s approval; for a branch of a foreign insurer, the approval of its responsible person in Taiwan. Confirm the latest re-examination is less than three years old and that any revision of the plan was approved again.',
    ),
    evidence: [
      bi('董事會議事錄或授權決議', 'Board minutes or delegation resolution'),
      bi('評估計畫核定及重新審視紀錄', 'Plan approval and re-examination records'),
    ],
  },
  {
    id: 'A2-III-1.1',
    citation: a2(3, 1),
    related: [fsc(2, 1, 3)],
    section: 'A2-III',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '電腦系統依其重要性分為三類：第一類為直接提供客戶自動化服務之系統（如網路投保、網路要保等系統）；第二類為產險核心資訊系統；第三類為非核心資訊系統（如人資、總務等系統）。',
      'Computer systems are divided by importance into three classes: class 1, systems that provide automated services directly to customers (e.g. online insurance purchase and online application); class 2, the core non-life insurance systems; class 3, non-core systems (e.g. human resources, general affairs).',
    ),
    procedure: bi(
      '確認系統清冊中每一系統均已分類。抽查 10 個系統，與系統負責人討論其功能，驗證分類是否正確：凡直接對客戶提供自動化服務者（網路投保、網路要保、客戶入口網站、App 後端、線上理賠）應列第一類；核保、保單、理賠、再保等核心系統應列第二類。確認分類經權責主管核定。',
      'Confirm every system in the inventory has a class. Sample 10 systems and, discussing their functions with the system owners, test the classification: anything that provides automated services directly to customers (online purchase, online application, customer portal, app back-end, online claims) must be class 1; core systems such as underwriting, policy administration, claims and reinsurance must be class 2. Confirm the classification was approved by the responsible manager.',
    ),
    evidence: [
      bi('電腦系統清冊（含類別及核定紀錄）', 'System inventory with classes and approval'),
      bi('分類驗證紀錄', 'Classification test notes'),
    ],
  },
  {
    id: 'A2-III-1-1.1',
    citation: a2(3, 1, 1),
    section: 'A2-III',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '第一類電腦系統每年至少辦理一次資訊安全評估作業。',
      'Class 1 systems shall be assessed at least once a year.',
    ),
    procedure: bi(
      '自系統清冊列出所有第一類系統，逐一取得最近兩次評估報告之評估期間及報告日期，確認每一年度均至少完成一次評估；新上線之第一類系統應於上線當年度納入評估。',
      'List every class 1 system from the inventory and for each obtain the assessment period and report date of the last two assessments; confirm at least one assessment was completed in every year. A class 1 system that went live during the year must be assessed in that year.',
    ),
    evidence: [
      bi('第一類系統清單', 'List of class 1 systems'),
      bi('各系統最近兩次評估報告', 'Last two assessment reports per system'),
    ],
  },
  {
    id: 'A2-III-1-2.1',
    citation: a2(3, 1, 2),
    section: 'A2-III',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '第二類電腦系統（產險核心資訊系統）每三年至少辦理一次資訊安全評估作業。',
      'Class 2 systems (core non-life insurance systems) shall be assessed at least once every three years.',
    ),
    procedure: bi(
      '自系統清冊列出所有第二類系統，逐一取得最近一次評估報告日期，確認距今未逾三年；並確認評估計畫已排定下次評估時程。',
      'List every class 2 system from the inventory, obtain the date of its latest assessment report and confirm it is less than three years old; confirm the plan schedules the next assessment.',
    ),
    evidence: [
      bi('第二類系統清單', 'List of class 2 systems'),
      bi('各系統最近一次評估報告', 'Latest assessment report per system'),
    ],
  },
  {
    id: 'A2-III-1-3.1',
    citation: a2(3, 1, 3),
    section: 'A2-III',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '第三類電腦系統（非核心資訊系統）每五年至少辦理一次資訊安全評估作業。',
      'Class 3 systems (non-core systems) shall be assessed at least once every five years.',
    ),
    procedure: bi(
      '自系統清冊列出所有第三類系統，逐一取得最近一次評估報告日期，確認距今未逾五年；並確認評估計畫已排定下次評估時程。',
      'List every class 3 system from the inventory, obtain the date of its latest assessment report and confirm it is less than five years old; confirm the plan schedules the next assessment.',
    ),
    evidence: [
      bi('第三類系統清單', 'List of class 3 systems'),
      bi('各系統最近一次評估報告', 'Latest assessment report per system'),
    ],
  },
  {
    id: 'A2-III-2.1',
    citation: a2(3, 2),
    section: 'A2-III',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '單一系統發生重大資訊安全事件致影響消費者權益，應於三個月內重新完成資訊安全評估作業。',
      'Where a major information-security incident in a single system affects consumers’ rights, a new security assessment of that system shall be completed within three months.',
    ),
    procedure: bi(
      '自資安事件紀錄及向主管機關通報之紀錄，篩選受查期間影響消費者權益之重大資安事件。逐件確認發生事件之系統已於事件發生（或發現）後三個月內完成重新評估，並取得評估報告。如無此類事件，請資訊安全主管書面確認，並核對事件紀錄與通報紀錄是否一致。',
      'From the incident log and the reports to the regulator, select the major incidents of the period that affected consumers’ rights. For each, confirm the affected system was reassessed within three months of the incident (or its discovery) and obtain the report. If there were none, obtain the head of information security’s written confirmation and check that the incident log agrees with the reports to the regulator.',
    ),
    evidence: [
      bi('重大資安事件清單及通報紀錄', 'List of major incidents and regulator reports'),
      bi('重新評估報告', 'Reassessment reports'),
    ],
  },
];
