#pragma once

/* The standard procedures the service desk explains, seeded with the
 * schema (migration 22) for a hospital to edit: the same rows, with the
 * same ids at rev 0, on the server and on every desk, so an
 * administrator's first edit of one is an ordinary change of a record
 * both sides have.  Chinese first, English for an English desk. */

#define CL_GUIDE_SEED(n, title, title_en, audience, place, steps, steps_en) \
  "INSERT INTO procedure_guide (id, updated_by, title, title_en, audience, steps, steps_en, place, active)" \
  " VALUES ('5eed0000-0000-4000-8000-0000000000" n "', 'careline', '" title "', '" title_en "', '" \
  audience "', '" steps "', '" steps_en "', '" place "', 1);"

#define CL_DIRECTORY_SEED_SQL \
  CL_GUIDE_SEED ("01", "挂号", "Registration", "门诊患者", "门诊楼1F 挂号收费处、自助机", \
    "1. 携带身份证或医保卡\n2. 在自助机、微信公众号或挂号窗口选择科室和医生\n3. 支付挂号费，取挂号单\n4. 按挂号单到诊区候诊", \
    "1. Bring the ID card or medical insurance card\n2. Choose the department and doctor at a kiosk, on WeChat or at the registration window\n3. Pay the registration fee and take the slip\n4. Wait at the clinic area on the slip") \
  CL_GUIDE_SEED ("02", "产前检查", "Prenatal check", "孕妇", "门诊楼3F 产科门诊", \
    "1. 挂产科号（首次建档请带身份证、医保卡）\n2. 到产科分诊台测体重、血压\n3. 医生问诊，开检查单\n4. 缴费后按单去检验、B超\n5. 报告出来后回诊室复诊，预约下次产检", \
    "1. Register for Obstetrics (first visit: bring ID and insurance card to open the record)\n2. Weight and blood pressure at the Obstetrics triage desk\n3. See the doctor, who orders the tests\n4. Pay, then go to the lab and ultrasound as ordered\n5. Back to the doctor with the results; book the next check") \
  CL_GUIDE_SEED ("03", "缴费", "Payment", "所有患者", "各楼层收费处、自助机", \
    "1. 医生开单后可在诊室外自助机、手机或收费窗口缴费\n2. 医保患者请出示医保卡\n3. 缴费后保留凭证，按单检查或取药", \
    "1. After the doctor orders, pay at a kiosk, on the phone or at a cashier window\n2. Insured patients show the insurance card\n3. Keep the receipt and go to the test or pharmacy on it") \
  CL_GUIDE_SEED ("04", "取药和退药", "Taking and refunding medicines", "门诊患者", "门诊楼1F 西药房、中药房", \
    "取药：缴费后到药房窗口，报姓名或扫缴费凭证，核对药品\n退药：未拆封药品凭发票到开药医生处开退药单，经药房确认后到收费处退费；已拆封或冷藏药品不予退换", \
    "Taking: after paying, go to the pharmacy window, give the name or scan the receipt, check the medicines\nRefund: unopened medicines only: the prescribing doctor writes a refund slip, the pharmacy confirms, the cashier refunds; opened or refrigerated medicines are not taken back") \
  CL_GUIDE_SEED ("05", "领取报告", "Collecting reports", "门诊患者", "门诊楼1F 自助报告打印机", \
    "1. 检验报告按回执上的时间领取\n2. 在自助打印机扫回执条码或刷就诊卡打印\n3. 也可在微信公众号查看电子报告\n4. 超声报告检查后当场发放", \
    "1. Lab reports are ready at the time on the receipt\n2. Print them at a self-service printer by scanning the receipt or the patient card\n3. Or read them on the hospital WeChat account\n4. Ultrasound reports are handed out after the scan") \
  CL_GUIDE_SEED ("06", "住院办理", "Admission", "住院患者", "门诊楼1F 住院处", \
    "1. 持医生开具的住院证\n2. 携带身份证、医保卡到住院处登记，缴纳预交金\n3. 领取腕带，到病区护士站报到", \
    "1. Bring the admission slip from the doctor\n2. Register at the admissions office with ID and insurance card, pay the deposit\n3. Take the wristband and report to the nurses station of the ward") \
  CL_GUIDE_SEED ("07", "病历复印", "Copying medical records", "出院患者及家属", "行政楼2F 病案室", \
    "1. 出院后7个工作日可申请\n2. 本人携带身份证；代办需双方身份证和委托书\n3. 到病案室填写申请，按页缴费\n4. 当场或约定日期领取，也可邮寄", \
    "1. From 7 working days after discharge\n2. The patient brings her ID; someone else brings both IDs and a letter of authority\n3. Apply at the records office and pay by the page\n4. Collect at once or on the agreed day, or have it posted") \
  CL_GUIDE_SEED ("08", "自助机使用", "Using the self-service kiosks", "所有患者", "各楼层大厅", \
    "1. 在屏幕上选择“挂号”、“缴费”或“打印”\n2. 刷身份证、医保卡或扫就诊码\n3. 按提示选择，用微信、支付宝或医保支付\n4. 取走凭条和卡片；不会操作请找导诊志愿者", \
    "1. Choose Registration, Payment or Printing on the screen\n2. Insert the ID or insurance card, or scan the patient code\n3. Follow the prompts, pay by WeChat, Alipay or insurance\n4. Take the slip and the card; a guide volunteer helps anyone unsure") \
  CL_GUIDE_SEED ("09", "急诊就诊", "Emergencies", "急诊患者", "急诊楼1F（24小时）", \
    "1. 直接到急诊分诊台，护士评估病情分级\n2. 危重患者先抢救后挂号缴费\n3. 孕妇腹痛、出血、破水直接到产科急诊\n4. 急诊电话见科室信息", \
    "1. Go straight to the emergency triage desk; a nurse grades the urgency\n2. The critically ill are treated first, registered and billed after\n3. A pregnant woman with pain, bleeding or broken waters goes to the obstetric emergency\n4. The emergency phone is in the entry of the department") \
  CL_GUIDE_SEED ("10", "无名氏及无家属患者", "Patients with no name or family", "医务人员", "急诊楼1F 急诊分诊台、医务科", \
    "1. 先救治，以“无名氏+日期+序号”临时登记\n2. 报告医务科（夜间报总值班），必要时报警\n3. 费用走绿色通道，由医务科协调\n4. 身份确认后更正登记信息，联系家属", \
    "1. Treat first; register as \"Unknown + date + number\"\n2. Report to the medical affairs office (at night the duty manager), and to the police where needed\n3. Costs go through the green channel, settled by medical affairs\n4. Once she is identified, correct the registration and contact the family")
