// 代表履职活动登记 in the manner of a JeecgBoot 3 (Vue 3 + Ant Design Vue 4) system: the list page
// with its query form and the 新增 modal of Jeecg's generated "原生表单" (codegen template
// default/one/.../vue3Native/components/${entityName}Form.vuei: Form.useForm(formData, validatorRules,
// { immediate: false }), `<a-form-item label v-bind="validateInfos.x" id="RdActivityForm-x" name="x">`,
// a-col span 12 in two columns, class antd-modal-form, 确定 / 关闭 in the footer; submitForm joins
// every array in the model with commas before it posts).
// People are chosen as Jeecg chooses them, with JSelectUserByDept
// (jeecgboot-vue3 src/components/Form/src/jeecg/components/JSelectUserByDept.vue, JSelectBiz.vue,
// modal/UserSelectByDepModal.vue, hooks/useSelectBiz.ts), rebuilt here on the real antdv widgets:
// - the box is JSelectBiz: an a-select mode="multiple" with :open="false" showing the chosen users'
//   real names (options { label: realname, value: username }), and a primary 选择 button beside it
//   that opens the picker (showButton is true, so a click on the box itself opens nothing);
// - the picker is a second a-modal, "部门用户选择", 1200 px, destroyOnClose, footer 取消 / 确认 (Jeecg's
//   BasicModal with its zh-CN common.okText): on the left an a-tree of sys_depart that opens with the
//   town's root collapsed and loads each level's children when expanded (load-data, as
//   queryDepartTreeSync({ pid }) does); a click on a depart reloads the user table with that depart
//   (and the departs under it); on the right the BasicTable of sys_user with its search form (账号,
//   姓名, 查询 / 重置 — 重置 also clears the depart and the ticked rows, Jeecg's customResetFunc),
//   columns 用户账号 / 用户姓名 / 性别 / 所属部门, row-selection checkboxes (radio for the
//   isRadioSelection variant) with preserveSelectedRowKeys, server-style pagination of 10;
// - 确认 hands the ticked usernames (in the order they were ticked) to JSelectUserByDept.setValue,
//   which emits update:value with the array; the native form's submitForm posts it as
//   "wangjg,lixy,…". A value that arrives as a string is split on commas and its names echoed.
// 参加代表 is the multiple picker, 记录人 and 活动负责人 single ones (isRadioSelection). Other controls:
// JDictSelectTag (a-select of dict item codes), a-tree-select over the depart tree by org code,
// a-date-picker value-format YYYY-MM-DD, Jeecg's `time` type (a-time-picker value-format HH:mm:ss),
// a-input-number 参加人数 checked against the chosen deputies, a-textarea.
// Labels follow 代表履职活动登记 of township congresses' 代表履职平台 (活动名称, 活动类型, 活动日期,
// 开始/结束时间, 活动地点, 组织单位, 活动负责人, 参加代表, 参加人数, 活动内容, 活动成效, 记录人, 备注).
import { computed, createApp, defineComponent, reactive, ref, watch, watchEffect, type PropType } from 'vue';
import Antd, { Form, message } from 'ant-design-vue';
import zhCN from 'ant-design-vue/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

dayjs.locale('zh-cn');

// ------------------------------------------------------------- sys_depart and sys_user

interface Depart { key: string; title: string; children?: Depart[] }
// The town's depart tree; keys are org codes (what the tree-select posts and the user table filters by).
const DEPART_TREE: Depart[] = [
  {
    key: 'A01', title: '青山镇', children: [
      { key: 'A01A01', title: '青山镇人大主席团' },
      { key: 'A01A02', title: '青山镇党政办公室' },
      {
        key: 'A01A03', title: '镇人大代表小组', children: [
          { key: 'A01A03A01', title: '青山片代表小组' },
          { key: 'A01A03A02', title: '柳河片代表小组' },
          { key: 'A01A03A03', title: '南湾片代表小组' },
          { key: 'A01A03A04', title: '东岗片代表小组' },
        ],
      },
      { key: 'A01A04', title: '青山镇农业农村服务中心' },
      { key: 'A01A05', title: '青山镇社会事业服务中心' },
    ],
  },
];
const departName = new Map<string, string>();
const walkDeparts = (ds: Depart[]) => ds.forEach((d) => { departName.set(d.key, d.title); if (d.children) walkDeparts(d.children); });
walkDeparts(DEPART_TREE);

interface SysUser { username: string; realname: string; sex_dictText: string; orgCode: string }
// sys_user (username, realname, sex, the depart's org code), in the order the user list returns them.
const USERS: SysUser[] = ([
  ['admin', '管理员', '男', 'A01'],
  ['zhouhw', '周宏伟', '男', 'A01A01'], ['xujing', '徐静', '女', 'A01A01'], ['qianyk', '钱永康', '男', 'A01A01'],
  ['zhanghua', '张华', '男', 'A01A02'], ['xuqing', '徐青', '女', 'A01A02'],
  ['wangjg', '王建国', '男', 'A01A03A01'], ['lixy', '李秀英', '女', 'A01A03A01'], ['chenzq', '陈志强', '男', 'A01A03A01'], ['huanglx', '黄立新', '男', 'A01A03A01'],
  ['liugl', '刘桂兰', '女', 'A01A03A02'], ['zhaodm', '赵德明', '男', 'A01A03A02'], ['hecs', '何春生', '男', 'A01A03A02'], ['linyf', '林永福', '男', 'A01A03A02'],
  ['wuhy', '吴海燕', '女', 'A01A03A03'], ['maym', '马玉梅', '女', 'A01A03A03'], ['gaojj', '高建军', '男', 'A01A03A03'], ['sunlh', '孙丽华', '女', 'A01A03A03'],
  ['zhenggp', '郑国平', '男', 'A01A03A04'], ['wangxf', '王秀芳', '女', 'A01A03A04'], ['liujun', '刘军', '男', 'A01A03A04'], ['chenyl', '陈玉兰', '女', 'A01A03A04'],
  ['wangjian', '王建', '男', 'A01A04'], ['zhaodh', '赵德华', '男', 'A01A04'], ['liugy', '刘桂英', '女', 'A01A04'],
  ['lixiuying', '李秀英', '女', 'A01A05'], ['sunli', '孙丽', '女', 'A01A05'],
] as const).map(([username, realname, sex_dictText, orgCode]) => ({ username, realname, sex_dictText, orgCode }));
const userByName = new Map(USERS.map((u) => [u.username, u]));

/** Children of a depart as queryDepartTreeSync({ pid }) returns them (isLeaf for the ones without). */
function departChildren(pid?: string) {
  const find = (ds: Depart[]): Depart[] | undefined => {
    for (const d of ds) {
      if (d.key === pid) return d.children ?? [];
      const r = d.children && find(d.children);
      if (r) return r;
    }
    return undefined;
  };
  const list = pid ? find(DEPART_TREE) ?? [] : DEPART_TREE;
  return list.map((d) => ({ key: d.key, title: d.title, isLeaf: !d.children }));
}

const toList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v && v !== 'null' && v !== 'undefined' ? v.split(',') : []);

// ------------------------------------------------------------- UserSelectByDepModal

/** The picker's content (mounted while the modal is open: BasicModal destroyOnClose). */
const UserSelectByDep = defineComponent({
  name: 'UserSelectByDep',
  props: { checked: { type: Array as PropType<string[]>, default: () => [] }, isRadioSelection: Boolean },
  emits: ['selection'],
  setup(props, { emit }) {
    const treeData = ref(departChildren());
    const expandedKeys = ref<string[]>([]);
    const selectedDepIds = ref<string[]>([]);
    const searchForm = reactive({ username: '', realname: '' });
    const searchInfo: { departId?: string; username?: string; realname?: string } = {};
    const pagination = reactive({ current: 1, pageSize: 10, total: 0 });
    const dataSource = ref<SysUser[]>([]);
    const loading = ref(false);
    const checkedKeys = ref<string[]>([...props.checked]);
    let seq = 0;
    // getTableList: /sys/user/list with departId, username, realname (fuzzy), page
    const reload = (page = 1) => {
      pagination.current = page;
      loading.value = true;
      const mine = ++seq;
      setTimeout(() => {
        if (mine !== seq) return;
        const rows = USERS.filter((u) => (!searchInfo.departId || u.orgCode.startsWith(searchInfo.departId))
          && (!searchInfo.username || u.username.includes(searchInfo.username))
          && (!searchInfo.realname || u.realname.includes(searchInfo.realname)));
        pagination.total = rows.length;
        dataSource.value = rows.slice((pagination.current - 1) * pagination.pageSize, pagination.current * pagination.pageSize);
        loading.value = false;
      }, 150);
    };
    reload();
    const loadData = (treeNode: { dataRef: { key: string; children?: unknown[] } }) => new Promise<void>((resolve) => {
      if (treeNode.dataRef.children) { resolve(); return; }
      setTimeout(() => {
        treeNode.dataRef.children = departChildren(treeNode.dataRef.key);
        treeData.value = [...treeData.value];
        resolve();
      }, 120);
    });
    const onDepSelect = (keys: string[]) => {
      if (keys[0] != null) {
        selectedDepIds.value = [keys[0]];
        searchInfo.departId = keys[0];
        reload();
      }
    };
    const onSearch = () => {
      searchInfo.username = searchForm.username.trim();
      searchInfo.realname = searchForm.realname.trim();
      reload();
    };
    // customResetFunc: the search form, the depart and the ticked rows
    const onReset = () => {
      searchForm.username = '';
      searchForm.realname = '';
      searchInfo.username = '';
      searchInfo.realname = '';
      selectedDepIds.value = [];
      searchInfo.departId = '';
      checkedKeys.value = [];
      emit('selection', []);
      reload();
    };
    const rowSelection = computed(() => ({
      type: props.isRadioSelection ? 'radio' : 'checkbox',
      columnWidth: 20,
      selectedRowKeys: checkedKeys.value,
      preserveSelectedRowKeys: true,
      onChange: (keys: string[]) => { checkedKeys.value = keys; emit('selection', keys); },
    }));
    const onTableChange = (p: { current: number; pageSize: number }) => {
      pagination.pageSize = p.pageSize;
      reload(p.current);
    };
    const columns = [
      { title: '用户账号', dataIndex: 'username', width: 180 },
      { title: '用户姓名', dataIndex: 'realname', width: 180 },
      { title: '性别', dataIndex: 'sex_dictText', width: 80 },
      { title: '所属部门', dataIndex: 'orgCode', customRender: ({ text }: { text: string }) => departName.get(text) ?? '' },
    ];
    const tablePagination = computed(() => ({
      current: pagination.current, pageSize: pagination.pageSize, total: pagination.total, size: 'small',
      showSizeChanger: true, pageSizeOptions: ['10', '50', '80', '100'], showQuickJumper: true,
      showTotal: (total: number) => `共 ${total} 条数据`,
    }));
    return {
      treeData, expandedKeys, selectedDepIds, searchForm, dataSource, loading, rowSelection, columns, tablePagination,
      loadData, onDepSelect, onSearch, onReset, onTableChange,
    };
  },
  template: `
  <a-row :gutter="10">
    <a-col :md="7" :sm="24">
      <a-card class="j-dept-user-tree">
        <a-tree v-model:expandedKeys="expandedKeys" :selected-keys="selectedDepIds" :tree-data="treeData" :load-data="loadData"
          :style="{ minWidth: '250px' }" @select="onDepSelect" />
      </a-card>
    </a-col>
    <a-col :md="17" :sm="24">
      <a-card>
        <a-form class="jeecg-basic-table-form" :model="searchForm" :label-col="{ style: { width: '60px' } }">
          <a-row :gutter="12">
            <a-col :span="8"><a-form-item label="账号"><a-input v-model:value="searchForm.username" placeholder="请输入账号" @pressEnter="onSearch" /></a-form-item></a-col>
            <a-col :span="8"><a-form-item label="姓名"><a-input v-model:value="searchForm.realname" placeholder="请输入姓名" @pressEnter="onSearch" /></a-form-item></a-col>
            <a-col :span="8"><a-space><a-button type="primary" @click="onSearch">查询</a-button><a-button @click="onReset">重置</a-button></a-space></a-col>
          </a-row>
        </a-form>
        <a-table row-key="username" size="small" bordered :columns="columns" :data-source="dataSource" :loading="loading"
          :row-selection="rowSelection" :pagination="tablePagination" @change="onTableChange" />
      </a-card>
    </a-col>
  </a-row>`,
});

// ------------------------------------------------------------- JSelectUserByDept (+ JSelectBiz)

const JSelectUserByDept = defineComponent({
  name: 'JSelectUserByDept',
  components: { UserSelectByDep },
  inheritAttrs: false,
  props: {
    value: [String, Array] as PropType<string | string[]>,
    isRadioSelection: Boolean,
    placeholder: { type: String, default: '请选择' },
    modalTitle: { type: String, default: '部门用户选择' },
  },
  emits: ['options-change', 'change', 'update:value'],
  setup(props, { emit }) {
    const open = ref(false);
    const selectOptions = ref<Array<{ label: string; value: string }>>([]);
    const selectValues = reactive({ value: [] as string[], change: false });
    const ticked = ref<string[]>([]);
    // initValue: a string is split on commas; useSelectBiz echoes the names of what it holds
    watchEffect(() => {
      selectValues.value = toList(props.value);
    });
    watch(() => [...selectValues.value], (vals) => {
      if (!selectValues.change && vals.length) {
        selectOptions.value = vals.map((v) => ({ label: userByName.get(v)?.realname ?? v, value: v }));
      }
    }, { immediate: true });
    const handleOpen = () => {
      ticked.value = [...selectValues.value];
      open.value = true;
    };
    // getSelectResult → setValue
    const handleOk = () => {
      const values = [...ticked.value];
      const options = values.map((v) => ({ label: userByName.get(v)?.realname ?? v, value: v }));
      selectOptions.value = options;
      selectValues.value = values;
      selectValues.change = false;
      emit('update:value', values);
      emit('change', values);
      emit('options-change', options);
      open.value = false;
    };
    // JSelectBiz.handleChange: a tag removed from the box
    const handleChange = (values: string[]) => {
      selectValues.value = values;
      selectValues.change = true;
      emit('update:value', values);
      emit('change', values);
    };
    return { open, selectOptions, selectValues, ticked, handleOpen, handleOk, handleChange };
  },
  template: `
  <div>
    <a-row class="j-select-row" type="flex" :gutter="8">
      <a-col class="left">
        <a-select :value="selectValues.value" :placeholder="placeholder" mode="multiple" :open="false" :options="selectOptions"
          @change="handleChange" style="width: 100%" />
      </a-col>
      <a-col class="right">
        <a-button type="primary" @click="handleOpen">选择</a-button>
      </a-col>
    </a-row>
    <a-modal v-model:open="open" :title="modalTitle" width="1200px" destroy-on-close :mask-closable="false" ok-text="确认" cancel-text="取消" @ok="handleOk">
      <user-select-by-dep :checked="selectValues.value" :is-radio-selection="isRadioSelection" @selection="(k) => (ticked = k)" />
    </a-modal>
  </div>`,
});

// ------------------------------------------------------------- dictionaries

// sys_dict rd_activity_type (item_value → item_text).
const ACTIVITY_TYPES = [['1', '视察调研'], ['2', '执法检查'], ['3', '走访选民'], ['4', '代表接待日'], ['5', '学习培训'], ['6', '代表小组活动'], ['9', '其他']];
const options = (rows: string[][]) => rows.map(([value, label]) => ({ value, label }));
// a-tree-select over sys_depart by org code (the town and the folder of the deputy groups cannot be chosen)
const toTreeSelect = (ds: Depart[]): unknown[] => ds.map((d) => ({ title: d.title, value: d.key, key: d.key, selectable: !d.children, children: d.children && toTreeSelect(d.children) }));

const App = {
  components: { JSelectUserByDept },
  setup() {
    const open = ref(true);
    const queryParam = reactive({ activityName: '', activityType: undefined as string | undefined });
    const formData = reactive({
      activityName: '', activityType: undefined as string | undefined, activityDate: undefined as string | undefined,
      startTime: undefined as string | undefined, endTime: undefined as string | undefined, address: '',
      orgCode: undefined as string | undefined, leader: '' as string | string[], deputies: '' as string | string[],
      attendNum: undefined as number | undefined, content: '', effect: '', recorder: '' as string | string[], remark: '',
    });
    const validatorRules = reactive({
      activityName: [{ required: true, message: '请输入活动名称!' }],
      activityType: [{ required: true, message: '请选择活动类型!' }],
      activityDate: [{ required: true, message: '请选择活动日期!' }],
      endTime: [{ validator: async (_r: unknown, v?: string) => { if (v && formData.startTime && v <= formData.startTime) throw new Error('结束时间应晚于开始时间!'); } }],
      address: [{ required: true, message: '请输入活动地点!' }],
      orgCode: [{ required: true, message: '请选择组织单位!' }],
      deputies: [{ required: true, validator: async (_r: unknown, v: unknown) => { if (!toList(v).length) throw new Error('请选择参加代表!'); } }],
      attendNum: [
        { required: true, message: '请输入参加人数!' },
        { validator: async (_r: unknown, v?: number) => { if (v != null && v !== toList(formData.deputies).length) throw new Error('参加人数与所选参加代表人数不一致!'); } },
      ],
      content: [{ required: true, message: '请输入活动内容!' }],
      recorder: [{ required: true, validator: async (_r: unknown, v: unknown) => { if (!toList(v).length) throw new Error('请选择记录人!'); } }],
    });
    const { validate, validateInfos } = Form.useForm(formData, validatorRules, { immediate: false });
    /** The model as submitForm posts it: arrays joined with commas, nothing left undefined. */
    const posted = () => {
      const model: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(formData)) model[k] = Array.isArray(v) ? v.join(',') : v === undefined ? null : v;
      return JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
    };
    const check = async () => {
      try {
        await validate();
        return { ok: true, errors: [] as string[] };
      } catch (e) {
        const fields = (e as { errorFields?: Array<{ errors: string[] }> }).errorFields ?? [];
        return { ok: false, errors: fields.flatMap((f) => f.errors) };
      }
    };
    const handleOk = async () => {
      const r = await check();
      if (r.ok) message.success('添加成功！');
    };
    (window as unknown as { __portal: unknown }).__portal = { state: posted, submit: check };
    return {
      zhCN, open, queryParam, formData, validateInfos, handleOk,
      activityTypes: options(ACTIVITY_TYPES), departs: toTreeSelect(DEPART_TREE),
      labelCol: { xs: { span: 24 }, sm: { span: 6 } }, wrapperCol: { xs: { span: 24 }, sm: { span: 16 } },
      labelColWide: { xs: { span: 24 }, sm: { span: 3 } }, wrapperColWide: { xs: { span: 24 }, sm: { span: 20 } },
    };
  },
  template: `
  <a-config-provider :locale="zhCN">
  <div class="jeecg-basic-table-form-container">
    <a-form :model="queryParam" :label-col="{ span: 6 }" :wrapper-col="{ span: 18 }">
      <a-row :gutter="24">
        <a-col :lg="8"><a-form-item label="活动名称" name="activityName"><a-input v-model:value="queryParam.activityName" placeholder="请输入活动名称" allow-clear /></a-form-item></a-col>
        <a-col :lg="8"><a-form-item label="活动类型" name="activityType"><a-select v-model:value="queryParam.activityType" :options="activityTypes" placeholder="请选择活动类型" allow-clear /></a-form-item></a-col>
        <a-col :lg="8"><a-space><a-button type="primary">查询</a-button><a-button>重置</a-button></a-space></a-col>
      </a-row>
    </a-form>
  </div>
  <div class="table-wrap">
    <a-space style="margin-bottom:8px"><a-button type="primary" @click="open = true">新增</a-button><a-button>导出</a-button><a-button>导入</a-button></a-space>
    <a-table size="middle" bordered :pagination="false" row-key="id"
      :data-source="[{ id: 1, activityName: '南湾片代表小组进村入户走访选民', activityType: '走访选民', activityDate: '2025-04-22', recorder: '徐静' }, { id: 2, activityName: '青山镇人大代表秸秆综合利用专题调研', activityType: '视察调研', activityDate: '2024-10-16', recorder: '徐静' }]"
      :columns="[{ title: '活动名称', dataIndex: 'activityName' }, { title: '活动类型', dataIndex: 'activityType', width: 110 }, { title: '活动日期', dataIndex: 'activityDate', width: 120 }, { title: '记录人', dataIndex: 'recorder', width: 100 }]" />
  </div>
  <a-modal v-model:open="open" title="履职活动登记 - 新增" :width="1100" :mask-closable="false" ok-text="确定" cancel-text="关闭" @ok="handleOk">
    <a-form class="antd-modal-form" :label-col="labelCol" :wrapper-col="wrapperCol">
      <a-row>
        <a-col :span="24">
          <a-form-item label="活动名称" v-bind="validateInfos.activityName" id="RdActivityForm-activityName" name="activityName" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-input v-model:value="formData.activityName" placeholder="请输入活动名称" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="活动类型" v-bind="validateInfos.activityType" id="RdActivityForm-activityType" name="activityType">
            <a-select v-model:value="formData.activityType" :options="activityTypes" placeholder="请选择活动类型" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="活动日期" v-bind="validateInfos.activityDate" id="RdActivityForm-activityDate" name="activityDate">
            <a-date-picker placeholder="请选择活动日期" v-model:value="formData.activityDate" value-format="YYYY-MM-DD" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="开始时间" v-bind="validateInfos.startTime" id="RdActivityForm-startTime" name="startTime">
            <a-time-picker placeholder="请选择开始时间" v-model:value="formData.startTime" value-format="HH:mm:ss" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="结束时间" v-bind="validateInfos.endTime" id="RdActivityForm-endTime" name="endTime">
            <a-time-picker placeholder="请选择结束时间" v-model:value="formData.endTime" value-format="HH:mm:ss" style="width: 100%" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="活动地点" v-bind="validateInfos.address" id="RdActivityForm-address" name="address">
            <a-input v-model:value="formData.address" placeholder="请输入活动地点" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="组织单位" v-bind="validateInfos.orgCode" id="RdActivityForm-orgCode" name="orgCode">
            <a-tree-select v-model:value="formData.orgCode" :tree-data="departs" show-search tree-node-filter-prop="title" placeholder="请选择组织单位" allow-clear />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="活动负责人" v-bind="validateInfos.leader" id="RdActivityForm-leader" name="leader">
            <j-select-user-by-dept v-model:value="formData.leader" is-radio-selection placeholder="请选择活动负责人" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="记录人" v-bind="validateInfos.recorder" id="RdActivityForm-recorder" name="recorder">
            <j-select-user-by-dept v-model:value="formData.recorder" is-radio-selection placeholder="请选择记录人" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="参加代表" v-bind="validateInfos.deputies" id="RdActivityForm-deputies" name="deputies" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <j-select-user-by-dept v-model:value="formData.deputies" placeholder="请选择参加代表" />
          </a-form-item>
        </a-col>
        <a-col :span="12">
          <a-form-item label="参加人数" v-bind="validateInfos.attendNum" id="RdActivityForm-attendNum" name="attendNum">
            <a-input-number v-model:value="formData.attendNum" :min="0" placeholder="请输入参加人数" style="width: 100%" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="活动内容" v-bind="validateInfos.content" id="RdActivityForm-content" name="content" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-textarea v-model:value="formData.content" :rows="4" placeholder="请输入活动内容" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="活动成效" v-bind="validateInfos.effect" id="RdActivityForm-effect" name="effect" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-textarea v-model:value="formData.effect" :rows="4" placeholder="请输入活动成效" />
          </a-form-item>
        </a-col>
        <a-col :span="24">
          <a-form-item label="备注" v-bind="validateInfos.remark" id="RdActivityForm-remark" name="remark" :label-col="labelColWide" :wrapper-col="wrapperColWide">
            <a-textarea v-model:value="formData.remark" :rows="2" placeholder="请输入备注" />
          </a-form-item>
        </a-col>
      </a-row>
    </a-form>
  </a-modal>
  </a-config-provider>`,
};

// Antd is typed against the other Vue copy of the workspace (see build.ts), hence the cast.
createApp(App).use(Antd as never).mount('#app');
