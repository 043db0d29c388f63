/**
 * The definition language: what administrators write. zod is the source of truth; the JSON
 * Schema under forms/schema/ is generated from these schemas, and the TypeScript types below
 * are inferred from them. Objects are strict so that a misspelt key is reported, not ignored.
 *
 * Conventions: `label`/`title`/`help` are Simplified Chinese, the `…En` twin is English.
 * Ids that expressions can name (field ids) are identifiers; dictionary keys are dotted
 * (`deputy.name`); pack ids are dotted lower case (`lvzhi.common`).
 */
import * as z from 'zod';

// zod compiles object parsers with `new Function` where it can. MV3 extension pages forbid it
// and so does this project: take the interpreted path everywhere, so tests measure what ships.
z.config({ jitless: true });

export const FIELD_ID = /^[A-Za-z][A-Za-z0-9_]*$/;
export const DICTIONARY_KEY = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;
export const PACK_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
export const SLUG_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

const text = z.string().trim().min(1);
const fieldId = z.string().regex(FIELD_ID, { error: 'field id: a letter, then letters, digits or _' });
const slugId = z.string().regex(SLUG_ID, { error: 'id: lower-case words joined by -' });
const dictionaryKey = z.string().regex(DICTIONARY_KEY, { error: 'dictionary key: dotted lower camelCase words, e.g. deputy.name' });
export const semverSchema = z.string().regex(SEMVER, { error: 'a semantic version such as 1.0.0' });

/** A JSON Logic expression (https://jsonlogic.com). Its operators and field references are checked by the validator, not by this shape. */
export const expressionSchema = z
  .json()
  .meta({ description: 'JSON Logic expression; field references are {"var": "fieldId"}; inside a table column {"var": "row.columnId"}; {"var": "$today"} is today in China Standard Time' });

const localized = {
  label: text.meta({ description: '中文名称' }),
  labelEn: text.optional(),
};

// ---------------------------------------------------------------- option lists

export const optionSchema = z.strictObject({
  value: z.string().min(1).meta({ description: 'stored value; by convention the standard Chinese text (汉族, 中共党员)' }),
  label: text.optional(),
  labelEn: text.optional(),
  code: z.string().min(1).optional().meta({ description: 'national-standard code (GB/T 3304 民族, GB/T 4762 政治面貌…), used by portals whose options carry codes' }),
  synonyms: z.array(text).optional().meta({ description: 'other ways portals write this option (男性 for 男)' }),
});

export const optionSetSchema = z.strictObject({
  id: slugId,
  ...localized,
  options: z.array(optionSchema).min(1),
});

// ---------------------------------------------------------------- dictionary

export const DICTIONARY_TYPES = [
  'text', 'textarea', 'number', 'date', 'datetime', 'enum', 'multienum', 'boolean',
  'phone', 'idcard', 'person', 'people', 'attachment', 'photo', 'table',
  // a period of two dates or date-times [from, to] (视察起止时间), derived only (`derive.range`):
  // what a range picker of two inputs takes
  'daterange',
  // marks per criterion ({ criterionId: scale value }); the criteria and the scale are the
  // ratingMatrix field's that binds the key
  'ratings',
] as const;

/**
 * A value computed from the record's stored keys when a portal asks for it in another shape:
 * a count, the total of a table column, two keys in one box, a table's rows as numbered lines, a region as cascader levels,
 * the date part of a date-time. Declarative only: evaluated by the autofill core, never code.
 * Derivations read keys without a derivation of their own, so evaluation is one bounded step.
 * A key with a derivation may still be stored (联名人数 typed by a clerk): the stored value wins.
 */
export const NUMBERING_STYLES = ['一、', '1.', '1、', '（一）', '(1)', 'none'] as const;
const separator = z.string().max(8).meta({ description: 'text put between the parts, e.g. "、" or "" (none)' });
export const deriveSchema = z.union([
  z.strictObject({
    count: z.union([dictionaryKey, z.array(dictionaryKey).min(2).max(4)]).meta({
      description: 'a people, table or multienum key: the number of its entries; or several keys added up, a person counting one (联名人数 = 领衔代表 + 附议代表)',
    }),
  }),
  z.strictObject({
    join: z.array(dictionaryKey).min(2).max(8).meta({ description: 'keys written one after the other, e.g. 工作单位 and 职务 for 单位及职务' }),
    separator: separator.optional(),
  }),
  z.strictObject({ people: dictionaryKey.meta({ description: 'a people or person key: the names joined' }), separator: separator.optional() }),
  z.strictObject({
    lines: dictionaryKey.meta({ description: 'a table key: one numbered line per row' }),
    columns: z.array(fieldId).min(1).max(12).meta({ description: 'column ids of the form table, written in this order' }),
    numbering: z.enum(NUMBERING_STYLES).optional().meta({ description: 'how lines are numbered (default 1.)' }),
    separator: separator.optional().meta({ description: 'between the columns of one row (default "，")' }),
  }),
  z.strictObject({
    levels: z.array(dictionaryKey).min(1).max(6).meta({ description: 'keys from the widest to the narrowest level (province, city, county, township): a cascader path' }),
  }),
  z.strictObject({ datePart: dictionaryKey.meta({ description: 'a date or datetime key: its date only (YYYY-MM-DD)' }) }),
  z.strictObject({
    range: z.strictObject({
      from: dictionaryKey.meta({ description: 'the key holding the start: a date, a date-time, or a time of day (HH:mm) on `day`' }),
      to: dictionaryKey.meta({ description: 'the key holding the end: a date, a date-time, or a time of day (HH:mm) on `day`' }),
      day: dictionaryKey.optional().meta({ description: 'a date key for a one-day period (视察日期): the date of an end the record holds as a time of day or not at all — never a time' }),
    }).meta({ description: 'a period of two stored keys for a range picker of two inputs (视察起止时间); a date-time range whose ends hold no time is skipped, never given 00:00' }),
  }),
  z.strictObject({
    sum: dictionaryKey.meta({ description: 'a table key: the total of one number column over its rows, e.g. 合计学时 from the courses' }),
    column: fieldId.meta({ description: 'the id of the number column of the form table that is added up' }),
  }),
]);
export type Derivation = z.infer<typeof deriveSchema>;

export const dictionaryEntrySchema = z.strictObject({
  key: dictionaryKey,
  type: z.enum(DICTIONARY_TYPES),
  ...localized,
  synonyms: z.array(text).optional().meta({ description: '门户上的其他写法：代表姓名、姓　　名…' }),
  optionSet: slugId.optional().meta({ description: 'for enum and multienum: the option list' }),
  format: z.string().min(1).optional().meta({ description: 'how portals usually write the value, e.g. YYYY-MM-DD or YYYY年M月D日' }),
  sensitive: z.boolean().optional().meta({ description: 'personal data (ID numbers, phones): masked in exports, never logged' }),
  derive: deriveSchema.optional().meta({ description: 'how autofill computes this key from stored keys when the record does not hold it (a value the record holds always wins)' }),
  timeOfDay: dictionaryKey.optional().meta({ description: 'for a date key: the key that holds its time of day (a datetime such as 开始时间, or a text HH:mm), so a portal’s date-time box gets the date with that time; without it such a box is left empty, never given an invented time' }),
  peopleDetails: dictionaryKey.optional().meta({ description: 'for a people key (列席人员, names only): a table key whose rows name each person in a person column beside more about them (签到表: 单位及职务), so a portal table of these people with such a column takes it from there, looked up by name; a person not in it leaves that cell empty' }),
  description: text.optional(),
});

// ---------------------------------------------------------------- forms

const ruleSchema = z.strictObject({
  assert: expressionSchema.meta({ description: 'the value is valid when this is true' }),
  message: text,
  messageEn: text.optional(),
});

const commonFieldProps = {
  id: fieldId,
  ...localized,
  bind: dictionaryKey.optional().meta({ description: 'dictionary key this field holds; used for prefill and autofill' }),
  required: z.boolean().optional(),
  requiredIf: expressionSchema.optional(),
  visibleIf: expressionSchema.optional(),
  readOnly: z.boolean().optional(),
  readOnlyIf: expressionSchema.optional(),
  help: text.optional(),
  helpEn: text.optional(),
  placeholder: text.optional(),
  rules: z.array(ruleSchema).optional(),
  previousIds: z.array(fieldId).optional().meta({ description: 'ids this field had in earlier form versions; their values move here' }),
};

const withDefault = <T extends z.ZodType>(value: T) => ({
  default: value.optional(),
  defaultExpr: expressionSchema.optional(),
});

const optionsProps = {
  options: z.array(optionSchema).min(1).optional(),
  optionSet: slugId.optional().meta({ description: 'a shared option list of this pack or of a pack it requires' }),
};

const isoDate = z.iso.date();
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: 'a date and time such as 2024-03-28T09:00 (China Standard Time)' });

const textField = z.strictObject({
  type: z.literal('text'), ...commonFieldProps, ...withDefault(z.string()),
  minLength: z.int().nonnegative().optional(),
  maxLength: z.int().positive().optional(),
  pattern: z.string().min(1).optional(),
  patternMessage: text.optional(),
});
const textareaField = z.strictObject({
  type: z.literal('textarea'), ...commonFieldProps, ...withDefault(z.string()),
  minLength: z.int().nonnegative().optional(),
  maxLength: z.int().positive().optional(),
  rows: z.int().positive().optional(),
});
const numberField = z.strictObject({
  type: z.literal('number'), ...commonFieldProps, ...withDefault(z.number()),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
  integer: z.boolean().optional(),
  unit: text.optional().meta({ description: '单位：人、件、元…' }),
});
const dateField = z.strictObject({
  type: z.literal('date'), ...commonFieldProps, ...withDefault(isoDate),
  min: isoDate.optional(),
  max: isoDate.optional(),
});
const datetimeField = z.strictObject({
  type: z.literal('datetime'), ...commonFieldProps, ...withDefault(localDateTime),
});
const selectField = z.strictObject({ type: z.literal('select'), ...commonFieldProps, ...withDefault(z.string()), ...optionsProps, allowOther: z.boolean().optional() });
const radioField = z.strictObject({ type: z.literal('radio'), ...commonFieldProps, ...withDefault(z.string()), ...optionsProps });
const multiselectField = z.strictObject({
  type: z.literal('multiselect'), ...commonFieldProps, ...withDefault(z.array(z.string())), ...optionsProps,
  minSelected: z.int().nonnegative().optional(), maxSelected: z.int().positive().optional(),
});
const checkboxesField = z.strictObject({
  type: z.literal('checkboxes'), ...commonFieldProps, ...withDefault(z.array(z.string())), ...optionsProps,
  minSelected: z.int().nonnegative().optional(), maxSelected: z.int().positive().optional(),
});
const checkboxField = z.strictObject({ type: z.literal('checkbox'), ...commonFieldProps, ...withDefault(z.boolean()) });
const phoneField = z.strictObject({ type: z.literal('phone'), ...commonFieldProps, ...withDefault(z.string()), kind: z.enum(['mobile', 'landline', 'any']).optional() });
const idcardField = z.strictObject({ type: z.literal('idcard'), ...commonFieldProps });
const personProps = {
  roster: slugId.optional().meta({ description: 'roster to pick from (default: deputies)' }),
  allowFreeText: z.boolean().optional().meta({ description: 'allow a name that is not in the roster (guests, officials)' }),
};
const personField = z.strictObject({
  type: z.literal('person'), ...commonFieldProps, ...personProps,
  rosterFill: z.record(fieldId, fieldId).optional().meta({
    description: 'choosing a person from the roster fills these fields of this form (key) from the field of the roster\'s form (value) in that person\'s entry, e.g. {"proposerPhone": "mobile", "proposerWorkUnit": "workUnit"}; a value the user typed is never replaced',
  }),
});
const peopleField = z.strictObject({
  type: z.literal('people'), ...commonFieldProps, ...personProps,
  min: z.int().nonnegative().optional(), max: z.int().positive().optional(),
});
const signatureField = z.strictObject({
  type: z.literal('signature'), ...commonFieldProps,
  signerRole: text.optional().meta({ description: '签名人身份：主持人、记录人…' }),
  signerField: fieldId.optional().meta({ description: 'person field whose person signs here' }),
});
const attachmentProps = {
  accept: z.array(z.string().min(1)).optional().meta({ description: 'MIME types or extensions: image/*, .pdf' }),
  maxSizeKB: z.int().positive().optional(),
  multiple: z.boolean().optional(),
};
const attachmentField = z.strictObject({ type: z.literal('attachment'), ...commonFieldProps, ...attachmentProps });
const photoField = z.strictObject({ type: z.literal('photo'), ...commonFieldProps, ...attachmentProps });
const scoreField = z.strictObject({
  type: z.literal('score'), ...commonFieldProps, ...withDefault(z.number()),
  min: z.number().optional(), max: z.number(), step: z.number().positive().optional(),
});
const ratingMatrixField = z.strictObject({
  type: z.literal('ratingMatrix'), ...commonFieldProps,
  criteria: z.array(z.strictObject({
    id: fieldId, ...localized,
    weight: z.number().positive().optional(),
    help: text.optional(),
  })).min(1),
  scale: z.array(z.strictObject({ value: z.number(), ...localized })).min(2).meta({ description: 'the marks a criterion can get, e.g. 5 优秀 … 1 差' }),
});
const computedField = z.strictObject({
  type: z.literal('computed'), ...commonFieldProps,
  expr: expressionSchema,
  format: z.enum(['number', 'percent', 'text', 'date']).optional(),
  precision: z.int().min(0).max(6).optional(),
  unit: text.optional(),
});
const staticField = z.strictObject({
  type: z.literal('static'),
  id: fieldId,
  label: text.optional(),
  labelEn: text.optional(),
  text: text.meta({ description: 'shown as plain text, never as HTML' }),
  textEn: text.optional(),
  visibleIf: expressionSchema.optional(),
});

const columnVariants = [
  textField, textareaField, numberField, dateField, datetimeField, selectField, radioField,
  multiselectField, checkboxesField, checkboxField, phoneField, idcardField, personField,
  peopleField, signatureField, attachmentField, photoField, scoreField, computedField,
] as const;

export const columnFieldSchema = z.discriminatedUnion('type', [...columnVariants]);

const tableField = z.strictObject({
  type: z.literal('table'), ...commonFieldProps,
  columns: z.array(columnFieldSchema).min(1),
  minRows: z.int().nonnegative().optional(),
  maxRows: z.int().positive().optional(),
  addLabel: text.optional().meta({ description: 'text of the add-row button: 添加参会人员' }),
});

export const fieldSchema = z.discriminatedUnion('type', [
  ...columnVariants, ratingMatrixField, tableField, staticField,
]);

export const FIELD_TYPES = [
  'text', 'textarea', 'number', 'date', 'datetime', 'select', 'multiselect', 'radio',
  'checkbox', 'checkboxes', 'phone', 'idcard', 'person', 'people', 'signature', 'attachment',
  'photo', 'score', 'ratingMatrix', 'table', 'computed', 'static',
] as const;

export const FORM_CATEGORIES = ['profile', 'meeting', 'inspection', 'appraisal', 'suggestion', 'letter', 'visit', 'activity', 'training', 'other'] as const;

export const sectionSchema = z.strictObject({
  id: fieldId,
  title: text,
  titleEn: text.optional(),
  description: text.optional(),
  visibleIf: expressionSchema.optional(),
  fields: z.array(fieldSchema),
});

export const formSchema = z.strictObject({
  id: slugId,
  version: z.int().positive().meta({ description: 'bump when fields change; records keep the version they were made under' }),
  title: text,
  titleEn: text.optional(),
  description: text.optional(),
  category: z.enum(FORM_CATEGORIES),
  meetingType: slugId.optional().meta({ description: 'for meeting forms: the kind of meeting (numbering of minutes is per type and year)' }),
  workflow: slugId.optional().meta({ description: 'the workflow records of this form go through' }),
  eventDateField: fieldId.optional().meta({ description: 'the date a record counts under in statistics (meeting date, submission date…)' }),
  titleField: fieldId.optional().meta({ description: 'the field that names a record in lists' }),
  sections: z.array(sectionSchema).min(1),
});

// ---------------------------------------------------------------- rosters

export const rosterSchema = z.strictObject({
  id: slugId,
  title: text,
  titleEn: text.optional(),
  form: slugId.meta({ description: 'the form an entry of this roster is (e.g. deputy-profile)' }),
  nameField: fieldId,
  fields: z.strictObject({
    term: fieldId.optional(), group: fieldId.optional(), level: fieldId.optional(), status: fieldId.optional(),
  }).optional(),
});

// ---------------------------------------------------------------- workflows

const dueSchema = z.strictObject({
  days: z.int().positive().optional(),
  workdays: z.int().positive().optional(),
  months: z.int().positive().optional(),
  from: slugId.optional().meta({ description: 'the state whose latest entry starts the clock (default: this state)' }),
});

export const workflowSchema = z.strictObject({
  id: slugId,
  version: z.int().positive(),
  title: text,
  titleEn: text.optional(),
  forms: z.array(slugId).min(1).meta({ description: 'the forms whose records go through this workflow (each names it in its "workflow")' }),
  roles: z.array(z.strictObject({ id: slugId, ...localized })).optional(),
  states: z.array(z.strictObject({
    id: slugId, ...localized,
    final: z.boolean().optional(),
    due: dueSchema.optional(),
    description: text.optional(),
  })).min(1),
  initial: slugId,
  transitions: z.array(z.strictObject({
    id: slugId, ...localized,
    from: z.array(slugId).min(1),
    to: slugId,
    kind: z.enum(['forward', 'sendBack', 'reassign']).optional(),
    roles: z.array(slugId).optional(),
    guard: expressionSchema.optional(),
    guardMessage: text.optional(),
    requires: z.array(fieldId).optional().meta({ description: 'fields of the record that must be filled before this step' }),
    requiresForms: z.array(slugId).optional().meta({ description: 'forms that must have a complete record linked before this step' }),
  })),
  migrations: z.array(z.strictObject({
    fromVersion: z.int().positive(),
    states: z.record(z.string(), slugId).meta({ description: 'old state id → state id in this version' }),
  })).optional(),
});

// ---------------------------------------------------------------- portal mappings

/**
 * A mapping's `widget`: the name of a registered widget adapter (or one of its aliases, or
 * `auto`). The names live in the DOM side's adapter registry, not here: core accepts any
 * bounded slug and the validator checks it against the names it is given (ValidateOptions).
 */
const widgetName = z.string().max(40).regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'widget: lower-case words joined by -' });

export const portalMappingSchema = z.strictObject({
  id: slugId,
  title: text,
  titleEn: text.optional(),
  form: slugId.optional().meta({ description: 'the form whose records this portal page takes' }),
  match: z.array(z.string().min(1)).min(1).meta({ description: 'URL match patterns as in Chrome: https://oa.example.gov.cn/rd/*' }),
  frames: z.array(z.strictObject({
    origin: z.string().min(1),
    selector: z.string().min(1).optional(),
  })).optional().meta({ description: 'cross-origin frames autofill may enter (each origin must itself be an allowed portal)' }),
  fields: z.array(z.strictObject({
    key: dictionaryKey.optional(),
    field: z.string().min(1).optional().meta({ description: 'a field of the form (tableId.columnId for table columns)' }),
    locator: z.strictObject({
      label: text.optional(),
      selector: z.string().min(1).optional(),
      name: z.string().min(1).optional(),
    }).optional(),
    widget: widgetName.optional(),
    transform: z.strictObject({
      dateFormat: z.string().min(1).optional(),
      options: z.record(z.string(), z.string()).optional(),
      join: z.string().optional(),
    }).optional(),
    derive: deriveSchema.optional().meta({ description: 'fill this portal field with a value computed from the record (instead of key or field)' }),
    skip: z.boolean().optional().meta({ description: 'never fill this portal field' }),
  })).optional(),
  tables: z.array(z.strictObject({
    field: fieldId.meta({ description: 'the form\'s table or people field whose rows this list on the page takes' }),
    addButton: z.string().min(1).meta({ description: 'CSS selector or button text of the add button of the list (a table\'s add-row button, or the add button of a list of repeated blocks): the table or list it adds to takes the field' }),
    rowSelector: z.string().min(1).optional().meta({ description: 'CSS selector of one row or block of the list (for lists of blocks the scan does not recognise by their likeness)' }),
  })).optional().meta({ description: 'lists on the page and the form fields they take, for tables and repeated blocks that autofill does not match by their titles' }),
});

// ---------------------------------------------------------------- document templates

const part = <T extends string, S extends z.ZodRawShape>(name: T, shape: S) =>
  z.strictObject({ part: z.literal(name), heading: text.optional(), ...shape });

export const templatePartSchema = z.discriminatedUnion('part', [
  part('title', { field: fieldId.optional() }),
  part('issueNumber', {}),
  part('attendance', { present: fieldId.optional(), absent: fieldId.optional(), attending: fieldId.optional() }),
  part('basics', { time: fieldId.optional(), place: fieldId.optional(), chair: fieldId.optional(), recorder: fieldId.optional() }),
  part('agenda', { field: fieldId }),
  part('discussion', { field: fieldId }),
  part('decisions', { field: fieldId }),
  part('votes', { field: fieldId }),
  part('signin', { field: fieldId }),
  part('text', { field: fieldId }),
  part('signatures', { chair: fieldId.optional(), recorder: fieldId.optional() }),
  part('distribution', { field: fieldId }),
  part('date', { field: fieldId }),
]);

export const documentTemplateSchema = z.strictObject({
  id: slugId,
  title: text,
  titleEn: text.optional(),
  kind: z.enum(['minutes', 'signin']),
  form: slugId,
  docTitle: text.optional().meta({ description: 'heading printed on the document, e.g. 镇人大主席团会议纪要' }),
  issuePrefix: text.optional().meta({ description: 'prefix of the issue number line, e.g. 主席团会议纪要' }),
  parts: z.array(templatePartSchema).min(1),
});

// ---------------------------------------------------------------- the pack

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(PACK_ID, { error: 'pack id: dotted lower-case words, e.g. lvzhi.common' }),
  version: semverSchema,
  title: text,
  titleEn: text.optional(),
  description: text.optional(),
  descriptionEn: text.optional(),
  publisher: text.optional(),
  requires: z.record(z.string(), z.string().min(1)).optional()
    .meta({ description: 'packs this pack needs, with semver ranges: {"lvzhi.common": "^1.0.0"}' }),
  dictionary: z.array(dictionaryEntrySchema).optional(),
  optionSets: z.array(optionSetSchema).optional(),
  rosters: z.array(rosterSchema).optional(),
  forms: z.array(formSchema).optional(),
  workflows: z.array(workflowSchema).optional(),
  portals: z.array(portalMappingSchema).optional(),
  templates: z.array(documentTemplateSchema).optional(),
});

export type PackDefinition = z.infer<typeof packSchema>;
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>;
export type DictionaryType = DictionaryEntry['type'];
export type OptionSet = z.infer<typeof optionSetSchema>;
export type Option = z.infer<typeof optionSchema>;
export type FormDefinition = z.infer<typeof formSchema>;
export type SectionDefinition = z.infer<typeof sectionSchema>;
export type FieldDefinition = z.infer<typeof fieldSchema>;
export type ColumnFieldDefinition = z.infer<typeof columnFieldSchema>;
export type FieldType = FieldDefinition['type'];
export type TableFieldDefinition = Extract<FieldDefinition, { type: 'table' }>;
export type RosterDefinition = z.infer<typeof rosterSchema>;
export type WorkflowDefinition = z.infer<typeof workflowSchema>;
export type WorkflowState = WorkflowDefinition['states'][number];
export type WorkflowTransition = WorkflowDefinition['transitions'][number];
export type PortalMapping = z.infer<typeof portalMappingSchema>;
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;
export type TemplatePart = z.infer<typeof templatePartSchema>;
export type Expression = z.infer<typeof expressionSchema>;
