// 会议登记 in the manner of a county-level 人大 OA (人大工作协同平台) written on Semi Design
// (@douyinfe/semi-ui 2.x, React 18): a Semi admin layout (Layout + Nav side menu + Breadcrumb), a Card
// holding one `Form` with labelPosition="left" / labelAlign="right" and Form.Section headings, two
// columns through Semi's Row/Col, and the footer's 提交 / 重置. The township presidium's clerk registers
// the meeting and the minutes' key facts here, as 乡镇人大主席团会议 are registered beside the
// standing committee's 主任会议 in such platforms.
// Widgets are Semi's form fields, as Semi's docs use them: Form.Input / Form.TextArea, Form.RadioGroup of
// sys_dict codes (会议类型), Form.DatePicker type="dateTime" (会议时间) and type="date" (印发日期),
// Form.TimePicker format="HH:mm" (结束时间, the meetings end on the day they start), Form.Select with
// `filter` (主持人, a user id) and `multiple` + `filter` (出席人员, user ids), Form.InputNumber 出席人数
// checked against the attendees, Form.CheckboxGroup of user ids (列席人员), Form.TreeSelect `multiple`
// `leafOnly` of unit codes (发送, the minutes' distribution), and an ArrayField of 议程 rows (议题 / 汇报人,
// 新增议程 adds a row, 删除 removes one).
// Validation: `rules` with Chinese messages (async-validator under Semi), field-level `validate` for the
// cross-field checks (结束时间 after 会议时间, 出席人数 = 出席人员, 印发日期 not before the meeting),
// and the submit handler's own check that at least one 议程 row is there.
// What the page posts (state()) is formApi.getValues() as the submit handler turns it into the request:
// dates formatted as Semi's DatePicker writes them by default (yyyy-MM-dd HH:mm:ss / yyyy-MM-dd), the
// time as HH:mm, arrays as arrays, agenda rows with both columns.
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { ArrayField, Breadcrumb, Button, Card, Col, Form, Layout, LocaleProvider, Nav, Row, Space, Toast } from '@douyinfe/semi-ui';
import zh_CN from '@douyinfe/semi-ui/lib/es/locale/source/zh_CN';
import { IconDelete, IconPlusCircle } from '@douyinfe/semi-icons';
import dayjs from 'dayjs';

// ------------------------------------------------------------- dictionaries (sys_dict / sys_user / sys_dept)

// sys_dict meeting_type
const MEETING_TYPES = [
  { value: '01', label: '人民代表大会会议' },
  { value: '02', label: '常委会会议' },
  { value: '03', label: '主任会议' },
  { value: '04', label: '主席团会议' },
  { value: '05', label: '代表小组会议' },
  { value: '99', label: '其他' },
];

interface User { id: number; name: string; post: string }
// The platform's users of the township (sys_user.user_id), as the user list returns them.
const USERS: User[] = ([
  [1101, '王建国', '镇人大主席'], [1102, '李秀英', '镇人大副主席'], [1103, '陈志强', '主席团成员'], [1104, '刘桂兰', '主席团成员'],
  [1105, '赵德明', '主席团成员'], [1106, '孙丽华', '主席团成员'], [1107, '吴海燕', '主席团成员'],
  [1201, '黄立新', '镇长'], [1202, '郑国平', '东岗片代表小组组长'], [1203, '何春生', '柳河片代表小组组长'], [1204, '高建军', '南湾片代表小组组长'],
  [1205, '周宏伟', '县人大代表'], [1206, '马玉梅', '县人大代表'],
  [1301, '徐静', '人大办工作人员'], [1302, '张华', '党政办工作人员'],
] as const).map(([id, name, post]) => ({ id, name, post }));
const PRESIDIUM = USERS.filter((u) => u.id < 1200);
// 列席: the township head, the deputy-group leaders and the county deputies living in the township.
const OBSERVERS = USERS.filter((u) => u.id >= 1201 && u.id < 1300);

// sys_dept: where the minutes are sent (leaves only are posted).
const SEND_TREE = [
  {
    label: '党政机关', value: 'G01', key: 'G01', children: [
      { label: '镇党委', value: 'G0101', key: 'G0101' },
      { label: '镇人民政府', value: 'G0102', key: 'G0102' },
      { label: '镇纪委', value: 'G0103', key: 'G0103' },
    ],
  },
  {
    label: '镇人大', value: 'G02', key: 'G02', children: [
      { label: '镇人大主席团成员', value: 'G0201', key: 'G0201' },
      { label: '各代表小组', value: 'G0202', key: 'G0202' },
      { label: '县人大常委会办公室', value: 'G0203', key: 'G0203' },
    ],
  },
  {
    label: '其他', value: 'G03', key: 'G03', children: [
      { label: '各村（社区）', value: 'G0301', key: 'G0301' },
      { label: '镇各部门、各单位', value: 'G0302', key: 'G0302' },
    ],
  },
];

// ------------------------------------------------------------- the request

interface AgendaRow { topic?: string; presenter?: string }
interface Values {
  title?: string; meetingType?: string; startTime?: Date | string; endTime?: Date | string; place?: string;
  hostId?: number; recorder?: string; attendeeIds?: number[]; attendeeNum?: number | string; observerIds?: number[];
  agenda?: AgendaRow[]; content?: string; decisions?: string; sendUnits?: string[]; issueDate?: Date | string; remark?: string;
}

const fmt = (v: Date | string | undefined, pattern: string): string | null => {
  if (v == null || v === '') return null;
  const d = dayjs(v);
  return d.isValid() ? d.format(pattern) : String(v);
};
// A time picker's value: a Date (what the picker writes) or the "HH:mm" string it also takes.
const fmtTime = (v: Date | string | undefined): string | null => (v == null || v === '' ? null : v instanceof Date ? dayjs(v).format('HH:mm') : String(v));
const minutesOfDay = (v: Date | string | undefined): number | null => {
  if (v == null || v === '') return null;
  if (v instanceof Date) return v.getHours() * 60 + v.getMinutes();
  const m = /^(\d{1,2}):(\d{2})/.exec(String(v));
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** The body the submit handler posts to /meeting/register. */
function toPost(v: Values): Record<string, unknown> {
  return {
    title: v.title ?? '',
    meetingType: v.meetingType ?? null,
    startTime: fmt(v.startTime, 'YYYY-MM-DD HH:mm:ss'),
    endTime: fmtTime(v.endTime),
    place: v.place ?? '',
    hostId: v.hostId ?? null,
    recorder: v.recorder ?? '',
    attendeeIds: v.attendeeIds ?? [],
    attendeeNum: v.attendeeNum ?? null,
    observerIds: v.observerIds ?? [],
    agenda: (v.agenda ?? []).map((r) => ({ topic: r?.topic ?? '', presenter: r?.presenter ?? '' })),
    content: v.content ?? '',
    decisions: v.decisions ?? '',
    sendUnits: v.sendUnits ?? [],
    issueDate: fmt(v.issueDate, 'YYYY-MM-DD'),
    remark: v.remark ?? '',
  };
}

/** Semi's validate() rejects with the errors shaped like the values (rows as arrays): every message. */
function messages(e: unknown): string[] {
  if (typeof e === 'string') return e ? [e] : [];
  if (Array.isArray(e)) return e.flatMap(messages);
  if (e && typeof e === 'object') return Object.values(e as Record<string, unknown>).flatMap(messages);
  return [];
}

// ------------------------------------------------------------- the page

type Api = { getValues(): Values; validate(): Promise<Values>; reset(): void };

function MeetingForm() {
  const apiRef = useRef<Api>();
  const check = async (): Promise<{ ok: boolean; errors: string[] }> => {
    const api = apiRef.current;
    if (!api) return { ok: false, errors: ['表单未就绪'] };
    try {
      const values = await api.validate();
      if (!values.agenda?.length) {
        Toast.warning('请至少新增一项会议议程');
        return { ok: false, errors: ['请至少新增一项会议议程'] };
      }
      return { ok: true, errors: [] };
    } catch (e) {
      return { ok: false, errors: messages(e) };
    }
  };
  const onSubmit = async () => {
    const r = await check();
    if (r.ok && apiRef.current) {
      (window as unknown as { lastPost: unknown }).lastPost = toPost(apiRef.current.getValues());
      Toast.success('登记成功');
    }
  };
  (window as unknown as { __portal: unknown }).__portal = {
    state: () => JSON.parse(JSON.stringify(toPost(apiRef.current ? apiRef.current.getValues() : {}))) as Record<string, unknown>,
    submit: check,
  };
  const half = { span: 12 };
  return (
    <Form<Values>
      getFormApi={(a) => { apiRef.current = a as unknown as Api; }}
      labelPosition="left"
      labelAlign="right"
      labelWidth={120}
      className="meeting-form"
    >
      {() => (
        <>
          <Form.Section text="会议基本信息">
            <Row gutter={24}>
              <Col span={24}>
                <Form.Input field="title" label="会议名称" placeholder="如：青山镇人大主席团2025年9月份例会" maxLength={80} showClear
                  rules={[{ required: true, message: '请输入会议名称' }]} />
              </Col>
              <Col span={24}>
                <Form.RadioGroup field="meetingType" label="会议类型" options={MEETING_TYPES}
                  rules={[{ required: true, message: '请选择会议类型' }]} />
              </Col>
              <Col {...half}>
                <Form.DatePicker field="startTime" label="会议时间" type="dateTime" placeholder="请选择会议开始时间" style={{ width: '100%' }}
                  rules={[{ required: true, message: '请选择会议时间' }]} />
              </Col>
              <Col {...half}>
                <Form.TimePicker field="endTime" label="结束时间" format="HH:mm" placeholder="请选择结束时间" style={{ width: '100%' }}
                  validate={(v: Date | string | undefined, all: Values) => {
                    const end = minutesOfDay(v);
                    const start = all.startTime ? minutesOfDay(all.startTime instanceof Date ? all.startTime : dayjs(all.startTime).toDate()) : null;
                    return end != null && start != null && end <= start ? '结束时间应晚于会议开始时间' : '';
                  }} />
              </Col>
              <Col span={24}>
                <Form.Input field="place" label="会议地点" placeholder="请输入会议地点" showClear rules={[{ required: true, message: '请输入会议地点' }]} />
              </Col>
              <Col {...half}>
                <Form.Select field="hostId" label="主持人" filter showClear placeholder="请选择主持人" style={{ width: '100%' }}
                  optionList={USERS.map((u) => ({ value: u.id, label: u.name }))}
                  rules={[{ required: true, message: '请选择主持人' }]} />
              </Col>
              <Col {...half}>
                <Form.Input field="recorder" label="记录人" placeholder="请输入记录人姓名" rules={[{ required: true, message: '请输入记录人' }]} />
              </Col>
            </Row>
          </Form.Section>
          <Form.Section text="参会人员">
            <Row gutter={24}>
              <Col span={24}>
                <Form.Select field="attendeeIds" label="出席人员" multiple filter placeholder="请选择出席会议的主席团成员" style={{ width: '100%' }}
                  optionList={PRESIDIUM.map((u) => ({ value: u.id, label: u.name }))}
                  rules={[{ required: true, type: 'array', min: 1, message: '请选择出席人员' }]} />
              </Col>
              <Col {...half}>
                <Form.InputNumber field="attendeeNum" label={{ text: '出席人数', required: true }} min={0} max={99} precision={0} suffix="人" style={{ width: '100%' }}
                  validate={(v: number | string | undefined, all: Values) => {
                    if (v == null || v === '') return '请输入出席人数';
                    const n = all.attendeeIds?.length ?? 0;
                    return Number(v) !== n ? `出席人数与所选出席人员（${n}人）不一致` : '';
                  }} />
              </Col>
              <Col span={24}>
                <Form.CheckboxGroup field="observerIds" label="列席人员" direction="horizontal"
                  options={OBSERVERS.map((u) => ({ value: u.id, label: u.name }))} />
              </Col>
            </Row>
          </Form.Section>
          <Form.Section text="会议议程">
            <ArrayField field="agenda">
              {({ add, arrayFields }) => (
                <div className="agenda">
                  {arrayFields.map(({ field, key, remove }, i) => (
                    <div key={key} className="agenda-row">
                      <span className="agenda-no">{i + 1}.</span>
                      <Form.Input field={`${field}[topic]`} label="议题" labelWidth={60} style={{ width: 460 }} placeholder="请输入议题"
                        rules={[{ required: true, message: `请输入第${i + 1}项议程的议题` }]} />
                      <Form.Input field={`${field}[presenter]`} label="汇报人" labelWidth={70} style={{ width: 160 }} placeholder="汇报人" />
                      <Button type="danger" theme="borderless" icon={<IconDelete />} onClick={remove} aria-label="删除议程" />
                    </div>
                  ))}
                  <Button icon={<IconPlusCircle />} theme="light" onClick={add} className="agenda-add">新增议程</Button>
                </div>
              )}
            </ArrayField>
          </Form.Section>
          <Form.Section text="会议纪要">
            <Row gutter={24}>
              <Col span={24}>
                <Form.TextArea field="content" label="通报和讨论情况" autosize={{ minRows: 4, maxRows: 10 }} maxCount={2000} placeholder="会议通报的主要工作、讨论研究的事项和与会人员发言要点"
                  rules={[{ required: true, message: '请输入通报和讨论情况' }]} />
              </Col>
              <Col span={24}>
                <Form.TextArea field="decisions" label="议定事项" autosize={{ minRows: 3, maxRows: 8 }} placeholder="每项一行，按一、二、三、编号"
                  extraText="会议决定的事项，每项一行，按“一、二、三、”顺序编号" />
              </Col>
              <Col {...half}>
                <Form.TreeSelect field="sendUnits" label="发送" multiple leafOnly filterTreeNode showClear placeholder="请选择发送单位" style={{ width: '100%' }}
                  treeData={SEND_TREE} />
              </Col>
              <Col {...half}>
                <Form.DatePicker field="issueDate" label={{ text: '印发日期', required: true }} type="date" placeholder="请选择印发日期" style={{ width: '100%' }}
                  validate={(v: Date | string | undefined, all: Values) => {
                    if (v == null || v === '') return '请选择印发日期';
                    const d = fmt(v, 'YYYY-MM-DD');
                    const s = fmt(all.startTime, 'YYYY-MM-DD');
                    return d && s && d < s ? '印发日期不能早于会议日期' : '';
                  }} />
              </Col>
              <Col span={24}>
                <Form.TextArea field="remark" label="备注" autosize={{ minRows: 2, maxRows: 4 }} placeholder="请输入备注" />
              </Col>
            </Row>
          </Form.Section>
          <div className="form-footer">
            <Space>
              <Button theme="solid" type="primary" onClick={() => { void onSubmit(); }}>提交</Button>
              <Button onClick={() => apiRef.current?.reset()}>重置</Button>
            </Space>
          </div>
        </>
      )}
    </Form>
  );
}

const { Header, Sider, Content } = Layout;

createRoot(document.getElementById('root')!).render(
  <LocaleProvider locale={zh_CN}>
    <Layout className="layout">
      <Sider className="side">
        <Nav
          defaultOpenKeys={['meeting']}
          defaultSelectedKeys={['register']}
          style={{ height: '100%' }}
          header={{ text: '人大工作协同平台' }}
          items={[
            { itemKey: 'home', text: '首页' },
            { itemKey: 'meeting', text: '会议管理', items: [{ itemKey: 'register', text: '会议登记' }, { itemKey: 'list', text: '会议查询' }, { itemKey: 'minutes', text: '会议纪要' }] },
            { itemKey: 'deputy', text: '代表管理' },
            { itemKey: 'suggestion', text: '建议办理' },
            { itemKey: 'supervise', text: '监督工作' },
          ]}
          footer={{ collapseButton: true }}
        />
      </Sider>
      <Layout>
        <Header className="header">泰兴市人大常委会 · 青山镇人大主席团　<span className="user">徐静</span></Header>
        <Content className="content">
          <Breadcrumb routes={['会议管理', '会议登记']} />
          <Card title="会议登记" className="card">
            <MeetingForm />
          </Card>
        </Content>
      </Layout>
    </Layout>
  </LocaleProvider>,
);
