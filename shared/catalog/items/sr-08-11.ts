/** Checklist items: self-regulation rules arts. 8 to 11 (apps, assessment, incidents, control). */
import { fsc, sr } from '../citation';
import type { ChecklistItem } from '../schema';
import { ANY_APP, bi } from './helpers';

export const SR_08_11_ITEMS: readonly ChecklistItem[] = [
  {
    id: 'SR-08.1',
    citation: sr(8),
    section: 'SR-08',
    category: 'technical',
    nature: 'obligation',
    applicability: ANY_APP,
    register: 'system-inventory',
    requirement: bi(
      '若有建置或開發行動應用程式（App），需依據財產保險業行動應用程式（App）資訊安全作業準則（附件一）辦理，以確保 App 安全防護能力，並保障消費者權益。',
      'Where the company builds or develops mobile apps, it shall follow the mobile-app information-security guidelines for property insurers (Annex 1) to ensure the apps are adequately protected and consumers’ rights are safeguarded.',
    ),
    procedure: bi(
      '取得公司建置或開發（含委外開發）之 App 清冊，含提供消費者下載及業務員使用者，並以公司名稱搜尋主要 App 商店，確認清冊完整。確認公司內部 App 資訊安全規範已納入附件一各條要求，且每一 App 有權責單位。就清冊每一 App，取得最近一年各次上架版本之安全檢測紀錄。',
      'Obtain the inventory of apps the company builds or develops (including by vendors), both consumer apps and apps for sales agents, and search the main app stores for the company name to confirm the inventory is complete. Confirm the internal app-security rules incorporate every article of Annex 1 and that each app has an owning unit. For each app, obtain the security test records of every version released in the last 12 months.',
    ),
    evidence: [
      bi('App 清冊（含權責單位）', 'App inventory with owning units'),
      bi('App 商店搜尋結果截圖', 'Screenshots of app-store searches'),
      bi('公司 App 資訊安全規範', 'Internal app-security rules'),
      bi('各版本安全檢測紀錄', 'Security test records per release'),
    ],
  },
  {
    id: 'SR-09.1',
    citation: sr(9),
    section: 'SR-09',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '若有建置管理系統及有關個資之資安資料，應建立資安防禦機制。',
      'Where the company runs management systems and holds security-relevant data concerning personal data, it shall establish information-security defence mechanisms.',
    ),
    procedure: bi(
      '取得網路安全架構圖及資安設備清冊（防火牆、入侵偵測或防禦、網頁應用程式防火牆、防毒或端點偵測回應、資料外洩防護、日誌集中管理或 SOC），確認存放個人資料之系統均位於防護範圍內。詢問資訊安全主管各項防禦機制之維運及監控方式，抽查 2 項設備之管理介面，確認運作中且特徵碼或規則為最新。',
      'Obtain the network security architecture diagram and the inventory of security devices (firewalls, intrusion detection or prevention, web application firewall, anti-malware or endpoint detection and response, data-loss prevention, central logging or SOC); confirm every system holding personal data is behind them. Ask the head of information security how each defence is run and monitored, and inspect the consoles of 2 devices to confirm they are running with current signatures or rules.',
    ),
    evidence: [
      bi('網路安全架構圖', 'Network security architecture diagram'),
      bi('資安設備清冊', 'Inventory of security devices'),
      bi('設備管理介面截圖', 'Screenshots of the device consoles'),
    ],
  },
  {
    id: 'SR-09.2',
    citation: sr(9),
    related: [fsc(2, 1, 3)],
    section: 'SR-09',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    register: 'system-inventory',
    requirement: bi(
      '應依據產險業辦理電腦系統資訊安全評估作業原則（附件二）辦理各項資訊安全評估作業，以改善並提升網路與資訊系統安全防護能力。',
      'The company shall carry out the information-security assessments of the principles for computer-system security assessment (Annex 2), to improve the protection of its networks and information systems.',
    ),
    procedure: bi(
      '確認公司內部規範已採納附件二，並取得受查期間之資訊安全評估報告清單，與評估計畫及系統清冊核對，確認依系統重要性排定之評估均已完成。本項為總覽，細部查核依附件二各項目（A2 開頭之項目）執行。',
      'Confirm the internal rules adopt Annex 2, obtain the list of assessment reports issued in the period and check it against the assessment plan and the system inventory to confirm that the assessments scheduled by system importance were done. This is the overview; the detailed tests are the Annex 2 items (ids starting A2).',
    ),
    evidence: [
      bi('電腦系統資訊安全評估報告清單', 'List of computer-system security assessment reports'),
      bi('評估計畫', 'Assessment plan'),
    ],
  },
  {
    id: 'SR-10-P1.1',
    citation: sr(10, { paragraph: 1 }),
    section: 'SR-10',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '各會員公司應加強資訊安全事故管理。',
      'The company shall strengthen its management of information-security incidents.',
    ),
    procedure: bi(
      '取得資安事故管理程序，確認涵蓋偵測、分級、通報、圍堵、根除、復原及事後檢討。取得最近一年資安事件紀錄，抽查 5 件（以高嚴重度者優先），確認分級正確、處理時序完整、已分析根本原因，且改善措施已結案。詢問資訊安全主管最近一年事件之處理經驗與程序修訂情形。',
      'Obtain the incident management procedure and confirm it covers detection, classification, reporting, containment, eradication, recovery and post-incident review. Obtain the incident log of the last 12 months and sample 5 incidents (most severe first); confirm each was classified correctly, has a complete timeline and a root-cause analysis, and its corrective actions are closed. Ask the head of information security about the incidents of the year and any resulting changes to the procedure.',
    ),
    evidence: [
      bi('資安事故管理程序', 'Incident management procedure'),
      bi('資安事件紀錄', 'Incident log'),
      bi('事件處理報告及改善追蹤', 'Incident reports and corrective-action tracking'),
    ],
  },
  {
    id: 'SR-10-P2.1',
    citation: sr(10, { paragraph: 2 }),
    related: [fsc(3, undefined, 4)],
    section: 'SR-10',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '應依資訊安全事件通報應變作業實施原則，若發生資訊安全事件時，應依相關規定通報本公會及主管機關。',
      'Under the implementation principles for reporting and responding to information-security incidents, an incident shall be reported to the association and to the regulator as the rules require.',
    ),
    procedure: bi(
      '取得公司通報程序，確認載明通報對象（產險公會、保險局）、通報門檻與時限，並與資訊安全事件通報應變作業實施原則及「保險業通報重大偶發事件之範圍與適用對象」一致。自資安事件紀錄篩選達通報門檻者，逐件檢視通報紀錄，比對發現時間與通報時間是否符合時限；並比對已通報清單與事件紀錄，確認無應通報而未通報者。',
      'Obtain the company’s reporting procedure; confirm it names whom to report to (the Non-Life Insurance Association and the Insurance Bureau), the reporting thresholds and deadlines, consistent with the incident reporting principles and the rules on the scope of material incidents insurers must report. From the incident log select the incidents above the thresholds, inspect each report and compare discovery time with reporting time against the deadline; compare the reported list with the log to confirm nothing reportable went unreported.',
    ),
    evidence: [
      bi('資安事件通報程序', 'Incident reporting procedure'),
      bi('通報單及通報時間紀錄', 'Incident reports and their timestamps'),
      bi('資安事件紀錄', 'Incident log'),
    ],
  },
  {
    id: 'SR-10-P2.2',
    citation: sr(10, { paragraph: 2 }),
    section: 'SR-10',
    category: 'technical',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '發生資訊安全事件時，應採取適當處理措施，以控制資安事件影響範圍之擴大。',
      'When an information-security incident occurs, appropriate measures shall be taken to keep its impact from spreading.',
    ),
    procedure: bi(
      '取得事件應變劇本（如惡意程式感染、帳號盜用、個資外洩、DDoS），確認訂有隔離、停用帳號、阻擋連線等圍堵步驟及授權人員。就 SR-10-P1.1 抽查之事件，檢視圍堵措施之執行時間與內容，確認於發現後及時採取且有效阻止擴散。',
      'Obtain the incident playbooks (e.g. malware infection, account takeover, personal-data leak, DDoS) and confirm they set containment steps (isolation, disabling accounts, blocking connections) and who may take them. For the incidents sampled in SR-10-P1.1 inspect when and how containment was done and confirm it was prompt after discovery and stopped the spread.',
    ),
    evidence: [
      bi('事件應變劇本', 'Incident response playbooks'),
      bi('圍堵措施執行紀錄', 'Containment action records'),
    ],
  },
  {
    id: 'SR-11.1',
    citation: sr(11),
    related: [fsc(1, 1, 2)],
    section: 'SR-11',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    register: 'policy-reviews',
    requirement: bi(
      '各會員公司應將本自律規範內容，納入內稽內控制度中。',
      'The company shall incorporate these self-regulation rules into its internal audit and internal control system.',
    ),
    procedure: bi(
      '取得內部控制制度及資訊安全政策與程序，建立自律規範第四條至第十條及附件一、附件二各項要求與內控作業（控制點）之對照表，確認每項要求均有對應之控制作業及權責單位；確認內控制度版本已反映自律規範 105 年 12 月 2 日修正後之內容。',
      'Obtain the internal control system and the information-security policies and procedures; map each requirement of arts. 4 to 10 and Annexes 1 and 2 to the internal control activities (control points) and confirm each has a control and an owner. Confirm the version of the internal control system reflects the rules as amended on 2 December 2016.',
    ),
    evidence: [
      bi('內部控制制度（資訊作業部分）', 'Internal control system (IT operations)'),
      bi('自律規範與內控作業對照表', 'Mapping of the rules to internal controls'),
    ],
  },
  {
    id: 'SR-11.2',
    citation: sr(11),
    section: 'SR-11',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '各會員公司應定期辦理自行查核。',
      'The company shall carry out self-inspections periodically.',
    ),
    procedure: bi(
      '取得受查年度自行查核計畫、查核底稿及報告，確認依公司規定之頻率辦理，且查核項目涵蓋自律規範之要求。抽查 3 項自行查核發現，確認已訂定改善措施、權責人及期限，並追蹤至結案。詢問內部稽核單位是否覆核自行查核之品質。',
      'Obtain the self-inspection plan, working papers and reports of the year; confirm they were done at the frequency the company’s rules set and cover the requirements of the rules. Sample 3 self-inspection findings and confirm each has corrective actions, an owner and a deadline and was tracked to closure. Ask internal audit whether it reviews the quality of self-inspections.',
    ),
    evidence: [
      bi('自行查核計畫', 'Self-inspection plan'),
      bi('自行查核底稿及報告', 'Self-inspection working papers and reports'),
      bi('缺失改善追蹤表', 'Finding tracking list'),
    ],
  },
  {
    id: 'SR-11.3',
    citation: sr(11),
    related: [sr(12)],
    section: 'SR-11',
    category: 'management',
    nature: 'obligation',
    applicability: 'always',
    requirement: bi(
      '違反自律規範經公會糾正或處罰鍰者，應納入內控制度追蹤改善。',
      'Any correction or fine imposed by the association for breach of the rules shall be tracked to remediation within the internal control system.',
    ),
    procedure: bi(
      '詢問法令遵循主管最近三年是否曾受產險公會自律監控委員會書面糾正或罰款（第十二條），取得相關函文；如有，確認已提報董事會或高階管理階層、訂定改善計畫並完成改善，且內控制度已相應修訂。',
      'Ask the head of compliance whether in the last 3 years the association’s self-regulation monitoring committee issued any written correction or fine (art. 12) and obtain the letters; if so, confirm the matter was reported to the board or senior management, a remediation plan was set and completed, and the internal control system was amended accordingly.',
    ),
    evidence: [
      bi('公會糾正或處分函', 'Letters of correction or fines from the association'),
      bi('改善計畫及完成證明', 'Remediation plan and evidence of completion'),
    ],
  },
];
