/** Checklist items: Annex 2 parts VII and VIII (assessors, the assessment report). */
import { a2 } from '../citation';
import type { ChecklistItem } from '../schema';
import { bi } from './helpers';

export const A2_ASSESSOR_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'A2-VII-1.1',
    citation: a2(7, 1),
    section: 'A2-VII',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '評估單位可委由外部專業機構或由會員公司內部單位進行。如為外部專業機構，該機構應與資安評估標的無利害關係，若為內部單位，應獨立於原電腦系統開發與維護等相關單位。',
      'Assessments may be done by an external professional firm or an internal unit. An external firm shall have no interest in the systems it assesses; an internal unit shall be independent of the units that develop and maintain those systems.',
    ),
    procedure: bi(
      '列出受查期間每份評估報告之評估單位。外部機構：取得委任契約及獨立性聲明，並與委外廠商清冊比對，確認該機構非受評系統或其資安設備之開發、維運或供應廠商。內部單位：取得組織圖及職掌，確認評估人員不隸屬受評系統之開發或維護單位，且未參與該系統之開發或維護。',
      'List the assessor of every assessment report of the period. For an external firm, obtain the engagement contract and independence declaration and compare with the register of outsourcing arrangements to confirm the firm does not develop, operate or supply the assessed system or its security devices. For an internal unit, obtain the organisation chart and duties and confirm the assessors do not belong to, and did not work on, the development or maintenance of the system.',
    ),
    evidence: [
      bi('評估委任契約及獨立性聲明', 'Engagement contracts and independence declarations'),
      bi('組織圖及職掌說明', 'Organisation chart and job descriptions'),
      bi('委外廠商清冊比對紀錄', 'Comparison with the outsourcing register'),
    ],
  },
  {
    id: 'A2-VII-2.1',
    citation: a2(7, 2),
    related: [a2(7, 2, 1), a2(7, 2, 2), a2(7, 2, 3), a2(7, 2, 4)],
    section: 'A2-VII',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '辦理第一類電腦系統評估之評估單位應具備下列各款資格；辦理第二類及第三類者，依評估項目需要具備相關資格之一：(一) 資訊安全管理知識；(二) 資訊安全技術能力；(三) 模擬駭客攻擊能力（(一)至(三)各以相關考試及格證書、教育訓練達一定時數之合格證明，或相關工作經驗且於金融業工作達一定年資之一證明）；(四) 熟悉金融領域載具應用、系統開發或稽核經驗。',
      'The assessor of a class 1 system shall meet every one of the following; the assessor of a class 2 or 3 system shall meet those the assessment needs: (1) knowledge of information-security management; (2) information-security technical skills; (3) ability to simulate hacker attacks (for (1) to (3), shown by any one of: a certificate from a relevant examination, a certificate of completing training of a certain number of hours, or relevant work experience with a certain number of years in the financial industry); (4) familiarity with financial-sector devices and applications, system development or audit.',
    ),
    procedure: bi(
      '就每份第一類系統評估報告，取得評估團隊名單及資格證明，製作資格對照表，確認團隊合計具備(一)至(四)全部資格：如資訊安全管理證照（如 ISO 27001 主導稽核員）、技術證照、滲透測試證照，或訓練證明與金融業年資之履歷證明，以及金融業系統開發或稽核經驗。抽查 2 份第二、三類系統評估報告，確認評估人員具備所執行評估項目所需之資格。確認證照於評估期間有效。',
      'For every class 1 assessment, obtain the team list and qualification evidence and build a matrix showing the team together meets all of (1) to (4): e.g. a security-management certificate (such as ISO 27001 lead auditor), technical certificates, penetration-testing certificates, or training certificates and CVs showing years in financial services, and experience in financial-sector development or audit. For 2 class 2 or 3 assessments confirm the assessors had the qualifications the sub-items they performed require. Confirm certificates were valid at the time.',
    ),
    evidence: [
      bi('評估團隊名單', 'Assessment team list'),
      bi('證照、訓練證明及履歷', 'Certificates, training certificates and CVs'),
      bi('資格對照表', 'Qualification matrix'),
    ],
  },
  {
    id: 'A2-VII-3.1',
    citation: a2(7, 3),
    section: 'A2-VII',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'confidentiality-agreements',
    requirement: bi(
      '相關檢視文件、檢測紀錄檔、組態參數、程式原始碼、側錄封包資料等與本案相關之全部資料，評估單位應簽立保密切結書並提供適當保護措施，以防止資料外洩。',
      'For all material of the engagement, including documents reviewed, test logs, configuration parameters, source code and captured packets, the assessor shall sign a confidentiality undertaking and apply appropriate protection to prevent leakage.',
    ),
    procedure: bi(
      '取得評估單位（及個別評估人員）簽立之保密切結書，確認簽署日期早於評估開始日且範圍涵蓋所列資料類型。詢問評估單位資料之存放位置、加密方式及存取限制，並取得評估結束後資料返還或銷毀之證明。',
      'Obtain the confidentiality undertakings signed by the assessor (and the individual assessors); confirm they were signed before fieldwork began and cover the kinds of material listed. Ask the assessor where the material was kept, how it was encrypted and who could access it, and obtain proof that it was returned or destroyed after the assessment.',
    ),
    evidence: [
      bi('評估單位保密切結書', 'Assessors’ confidentiality undertakings'),
      bi('資料返還或銷毀證明', 'Proof of return or destruction of material'),
    ],
  },
  {
    id: 'A2-VII-4.1',
    citation: a2(7, 4),
    section: 'A2-VII',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '評估單位及人員不得隱瞞缺失、不實陳述、洩露資料及不當利用等情事。',
      'Assessors shall not conceal deficiencies, misrepresent, leak data or misuse it.',
    ),
    procedure: bi(
      '確認委任契約或內部指派文件載明前述禁止事項及違反之責任。自評估工作底稿抽取 2 份原始掃描或檢測結果，確認其中高風險發現均已列入評估報告，未遭刪除或降級；如有降級，確認有合理說明。詢問資訊安全主管是否曾發生評估資料外洩或不當利用。',
      'Confirm the engagement contract or internal assignment states these prohibitions and the consequences of breach. From the working papers pick 2 raw scan or test outputs and confirm every high-risk result appears in the report and was neither dropped nor downgraded without a sound explanation. Ask the head of information security whether assessment data was ever leaked or misused.',
    ),
    evidence: [
      bi('委任契約或指派文件', 'Engagement contract or assignment'),
      bi('原始檢測結果與報告之勾稽紀錄', 'Reconciliation of raw results to the report'),
    ],
  },
  {
    id: 'A2-VIII.1',
    citation: a2(8),
    section: 'A2-VIII',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '「電腦系統資訊安全評估報告」內容應至少包含評估人員資格、評估範圍、評估時所發現之缺失項目、缺失嚴重程度、缺失類別、風險說明、具體改善建議及社交演練結果。',
      'The computer-system security assessment report shall contain at least the assessors’ qualifications, the scope, the deficiencies found, their severity, their category, a description of the risk, specific recommendations and the results of the social-engineering drill.',
    ),
    procedure: bi(
      '就受查期間每份評估報告，逐項勾稽八項必要內容：評估人員資格、評估範圍、缺失項目、缺失嚴重程度、缺失類別、風險說明、具體改善建議、社交演練結果。記錄缺漏之項目。',
      'For every assessment report of the period, tick off the eight required contents: assessors’ qualifications, scope, deficiencies, severity, category, risk description, specific recommendations, drill results. Record anything missing.',
    ),
    evidence: [
      bi('電腦系統資訊安全評估報告', 'Computer-system security assessment reports'),
      bi('報告內容勾稽表', 'Report contents checklist'),
    ],
  },
  {
    id: 'A2-VIII.2',
    citation: a2(8),
    section: 'A2-VIII',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '評估報告應送稽核單位進行缺失改善事項之追蹤覆查。',
      'The assessment report shall be sent to the internal audit unit, which follows up and verifies the remediation of the deficiencies.',
    ),
    procedure: bi(
      '取得評估報告送交稽核單位之紀錄（日期）及稽核單位之缺失追蹤清單，確認所有缺失均已列入。抽查 5 項已結案缺失，確認稽核單位於結案前已覆查改善證據；確認逾期未改善事項已向董事會或審計委員會報告。',
      'Obtain the record (date) of sending each report to internal audit and internal audit’s tracking list; confirm every deficiency is on it. Sample 5 closed deficiencies and confirm internal audit verified the remediation evidence before closing them; confirm overdue items were reported to the board or the audit committee.',
    ),
    evidence: [
      bi('報告送交稽核單位紀錄', 'Record of sending the report to internal audit'),
      bi('稽核單位缺失追蹤清單', 'Internal audit tracking list'),
      bi('覆查紀錄', 'Verification records'),
    ],
  },
  {
    id: 'A2-VIII.3',
    citation: a2(8),
    section: 'A2-VIII',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '評估報告應併同缺失改善等相關文件至少保存五年。',
      'The report, together with the remediation documents and related records, shall be kept for at least five years.',
    ),
    procedure: bi(
      '確認文件保存規定之保存年限不少於五年。調閱五年前（保存期間內最早年度）之評估報告及其缺失改善文件，確認可取得且完整；詢問保管單位之保存方式及銷毀核准程序。',
      'Confirm the records retention rules keep these documents for at least five years. Call up the assessment report of five years ago (the earliest year in the retention period) with its remediation documents and confirm they can be produced complete; ask the custodian how they are kept and how destruction is approved.',
    ),
    evidence: [
      bi('文件保存規定', 'Records retention rules'),
      bi(
        '五年前之評估報告及改善文件',
        'Assessment report and remediation documents of five years ago',
      ),
    ],
  },
];
