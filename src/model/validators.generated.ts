// Generated from schemas/*.schema.json by scripts/gen.ts (`npm run gen`); do not edit.
// Each kind's validator, compiled ahead of time by src/model/schema-compiler.ts.
// @ts-nocheck
import runtime0 from 'ajv/dist/runtime/ucs2length.js';
import * as runtime1 from './schema-runtime.js';
export const CustomerCategory = validate23;
const schema34 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"CustomerCategory","description":"A top-level class of customers (e.g. wholesale carriers, call centres), used to offer carriers to whole categories. Stored in customer_categories; identified by code.","type":"object","additionalProperties":false,"required":["kind","code","name"],"properties":{"kind":{"const":"CustomerCategory","description":"Always `CustomerCategory`."},"code":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"Unique code of the category (e.g. `WHOLESALE`); groups and carrier assignments name the category by it. Letters, digits, `_`, `.` and `-`, at most 64 characters."},"name":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S(.*\\S)?$","description":"Display name of the category."},"description":{"type":"string","maxLength":2000,"description":"What kind of customer belongs in the category."},"icon":{"type":"string","maxLength":100,"description":"Name of the icon DIDTron shows for the category."},"displayOrder":{"type":"integer","minimum":0,"description":"Position in DIDTron's lists, ascending (0 or more)."},"isActive":{"type":"boolean","default":true,"description":"Whether new customers can be put in the category."},"showOnWebsite":{"type":"boolean","default":false,"description":"Whether the category is listed on the public website's sign-up pages."},"defaultBillingType":{"enum":["prepaid","postpaid"],"description":"Billing type given to new customers of the category: `prepaid` or `postpaid`."}}};
const func1 = Object.prototype.hasOwnProperty;
const func2 = runtime0.default;
const pattern6 = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", "u");
const pattern7 = new RegExp("^\\S(.*\\S)?$", "u");

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.code === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema34.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("CustomerCategory" !== data0){
const err4 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "CustomerCategory"},message:"must be equal to constant",schema:"CustomerCategory",parentSchema:schema34.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.code !== undefined){
let data1 = data.code;
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err5 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema34.properties.code,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.code.type,parentSchema:schema34.properties.code,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.name !== undefined){
let data2 = data.name;
if(typeof data2 === "string"){
if(func2(data2) > 200){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema34.properties.name,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(func2(data2) < 1){
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema34.properties.name,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!pattern7.test(data2)){
const err9 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^\\S(.*\\S)?$"},message:"must match pattern \""+"^\\S(.*\\S)?$"+"\"",schema:"^\\S(.*\\S)?$",parentSchema:schema34.properties.name,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.name.type,parentSchema:schema34.properties.name,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.description !== undefined){
let data3 = data.description;
if(typeof data3 === "string"){
if(func2(data3) > 2000){
const err11 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema34.properties.description,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.description.type,parentSchema:schema34.properties.description,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.icon !== undefined){
let data4 = data.icon;
if(typeof data4 === "string"){
if(func2(data4) > 100){
const err13 = {instancePath:instancePath+"/icon",schemaPath:"#/properties/icon/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema34.properties.icon,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/icon",schemaPath:"#/properties/icon/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.icon.type,parentSchema:schema34.properties.icon,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.displayOrder !== undefined){
let data5 = data.displayOrder;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err15 = {instancePath:instancePath+"/displayOrder",schemaPath:"#/properties/displayOrder/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema34.properties.displayOrder.type,parentSchema:schema34.properties.displayOrder,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err16 = {instancePath:instancePath+"/displayOrder",schemaPath:"#/properties/displayOrder/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema34.properties.displayOrder,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.isActive !== undefined){
let data6 = data.isActive;
if(typeof data6 !== "boolean"){
const err17 = {instancePath:instancePath+"/isActive",schemaPath:"#/properties/isActive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.isActive.type,parentSchema:schema34.properties.isActive,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.showOnWebsite !== undefined){
let data7 = data.showOnWebsite;
if(typeof data7 !== "boolean"){
const err18 = {instancePath:instancePath+"/showOnWebsite",schemaPath:"#/properties/showOnWebsite/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.showOnWebsite.type,parentSchema:schema34.properties.showOnWebsite,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.defaultBillingType !== undefined){
let data8 = data.defaultBillingType;
if(!((data8 === "prepaid") || (data8 === "postpaid"))){
const err19 = {instancePath:instancePath+"/defaultBillingType",schemaPath:"#/properties/defaultBillingType/enum",keyword:"enum",params:{allowedValues: schema34.properties.defaultBillingType.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.defaultBillingType.enum,parentSchema:schema34.properties.defaultBillingType,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const CustomerGroup = validate24;
const schema35 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"CustomerGroup","description":"A group of customers inside a category (e.g. tier-1 carriers), used to offer carriers to a group. Stored in customer_groups; identified by code.","type":"object","additionalProperties":false,"required":["kind","code","category","name"],"properties":{"kind":{"const":"CustomerGroup","description":"Always `CustomerGroup`."},"code":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"Unique code of the group (e.g. `WS-TIER1`); carrier assignments name the group by it. Letters, digits, `_`, `.` and `-`, at most 64 characters."},"category":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"Code of the customer category the group belongs to; stored as the category's id in category_id."},"name":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S(.*\\S)?$","description":"Display name of the group."},"description":{"type":"string","maxLength":2000,"description":"Which customers belong in the group."},"displayOrder":{"type":"integer","minimum":0,"description":"Position within its category in DIDTron's lists, ascending (0 or more)."},"isActive":{"type":"boolean","default":true,"description":"Whether new customers can be put in the group."}}};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.code === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.category === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "category"},message:"must have required property '"+"category"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.name === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema35.required,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "kind") || (key0 === "code")) || (key0 === "category")) || (key0 === "name")) || (key0 === "description")) || (key0 === "displayOrder")) || (key0 === "isActive"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("CustomerGroup" !== data0){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "CustomerGroup"},message:"must be equal to constant",schema:"CustomerGroup",parentSchema:schema35.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.code !== undefined){
let data1 = data.code;
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err6 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema35.properties.code,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.code.type,parentSchema:schema35.properties.code,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.category !== undefined){
let data2 = data.category;
if(typeof data2 === "string"){
if(!pattern6.test(data2)){
const err8 = {instancePath:instancePath+"/category",schemaPath:"#/properties/category/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema35.properties.category,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/category",schemaPath:"#/properties/category/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.category.type,parentSchema:schema35.properties.category,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.name !== undefined){
let data3 = data.name;
if(typeof data3 === "string"){
if(func2(data3) > 200){
const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema35.properties.name,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(func2(data3) < 1){
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema35.properties.name,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!pattern7.test(data3)){
const err12 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^\\S(.*\\S)?$"},message:"must match pattern \""+"^\\S(.*\\S)?$"+"\"",schema:"^\\S(.*\\S)?$",parentSchema:schema35.properties.name,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.name.type,parentSchema:schema35.properties.name,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.description !== undefined){
let data4 = data.description;
if(typeof data4 === "string"){
if(func2(data4) > 2000){
const err14 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema35.properties.description,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema35.properties.description.type,parentSchema:schema35.properties.description,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.displayOrder !== undefined){
let data5 = data.displayOrder;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err16 = {instancePath:instancePath+"/displayOrder",schemaPath:"#/properties/displayOrder/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema35.properties.displayOrder.type,parentSchema:schema35.properties.displayOrder,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err17 = {instancePath:instancePath+"/displayOrder",schemaPath:"#/properties/displayOrder/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema35.properties.displayOrder,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
if(data.isActive !== undefined){
let data6 = data.isActive;
if(typeof data6 !== "boolean"){
const err18 = {instancePath:instancePath+"/isActive",schemaPath:"#/properties/isActive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema35.properties.isActive.type,parentSchema:schema35.properties.isActive,data:data6};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema35.type,parentSchema:schema35,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Carrier = validate25;
const schema36 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Carrier","description":"A wholesale voice partner: who they are, how they pay and are paid, how much traffic they may send, who to call, and which customers may use them. Stored in DIDTron's carriers table; contacts, credit alerts and the assignment live in their own tables, owned by the carrier.","type":"object","additionalProperties":false,"required":["kind","code","name","partnerType","primaryCurrency"],"properties":{"kind":{"const":"Carrier","description":"Always `Carrier`."},"code":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"The carrier's unique code and its identity in didsync (e.g. `ACME`). Letters, digits, `_`, `.` and `-`, at most 64 characters, no `/`. Interconnects and services name their carrier by this code; renaming it means deleting the carrier and creating a new one."},"name":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S(.*\\S)?$","description":"The carrier's legal or trading name as shown in DIDTron and on invoices."},"partnerType":{"enum":["customer","supplier","bilateral"],"description":"Commercial relationship: `customer` buys termination from us, `supplier` sells termination to us, `bilateral` does both (two-way traffic, netted balance)."},"status":{"enum":["active","paused","disabled","testing"],"default":"active","description":"Operational state: `active` passes traffic, `paused` stops new calls temporarily, `disabled` stops all traffic, `testing` passes only test calls."},"primaryCurrency":{"type":"string","pattern":"^[A-Z]{3}$","description":"ISO 4217 code (e.g. `USD`, `GBP`) of the currency the carrier is billed and credited in; stored as a reference to DIDTron's currencies table."},"customerCreditType":{"enum":["prepaid","postpaid"],"description":"How the carrier pays for traffic it sends us as a customer: `prepaid` (calls stop when the balance runs out) or `postpaid` (invoiced, limited by customerCreditLimit)."},"customerCreditLimit":{"type":["string","number"],"x-decimal":{"precision":16,"scale":4},"description":"Credit allowed to the carrier as a customer, in primaryCurrency: how far a postpaid balance may go before calls are blocked. Decimal, up to 12 digits before the point and 4 after; write it quoted (\"5000.00\") or as a plain number."},"supplierCreditType":{"enum":["prepaid","postpaid"],"description":"How we pay the carrier as a supplier: `prepaid` (we top up in advance) or `postpaid` (they invoice us)."},"bilateralCreditLimit":{"type":["string","number"],"x-decimal":{"precision":16,"scale":4},"description":"Credit limit on the netted balance of a bilateral carrier, in primaryCurrency. Decimal, up to 12 digits before the point and 4 after."},"customer24HrSpendLimit":{"type":["string","number"],"x-decimal":{"precision":16,"scale":4},"description":"Most the carrier may spend with us as a customer in any rolling 24 hours, in primaryCurrency; a fraud and runaway-traffic brake. Decimal, up to 12 digits before the point and 4 after."},"supplier24HrSpendLimit":{"type":["string","number"],"x-decimal":{"precision":16,"scale":4},"description":"Most we may spend with the carrier as a supplier in any rolling 24 hours, in primaryCurrency. Decimal, up to 12 digits before the point and 4 after."},"capacityMode":{"enum":["unrestricted","capped"],"default":"unrestricted","description":"Whether the carrier's concurrent calls across all its interconnects are limited: `unrestricted`, or `capped` at capacityLimit."},"capacityLimit":{"type":"integer","minimum":1,"description":"Most concurrent calls across all the carrier's interconnects when capacityMode is `capped` (required then)."},"circularRouting":{"type":"boolean","default":false,"description":"Allow a call received from this carrier to be routed back out to the same carrier (normally refused to prevent loops)."},"customerAccountNumber":{"type":"string","minLength":1,"maxLength":64,"description":"The carrier's account number in our billing system as a customer."},"supplierAccountNumber":{"type":"string","minLength":1,"maxLength":64,"description":"Our account number with the carrier as a supplier (quoted on their invoices)."},"taxCode":{"type":"string","minLength":1,"maxLength":64,"description":"Tax treatment code applied on invoices (e.g. a VAT scheme code)."},"billTo":{"type":"string","maxLength":2000,"description":"Billing address printed on invoices; several lines allowed."},"shipTo":{"type":"string","maxLength":2000,"description":"Service or shipping address of the carrier; several lines allowed."},"contacts":{"type":"array","items":{"$ref":"#/$defs/Contact"},"description":"People and mailboxes at the carrier (NOC, rates, billing). Matched by name: renaming a contact replaces it. Order does not matter."},"creditAlerts":{"type":"array","items":{"$ref":"#/$defs/CreditAlert"},"description":"Who is e-mailed when a balance or 24-hour spend crosses a threshold. At most one alert per alertType and direction."},"assignment":{"$ref":"#/$defs/Assignment","description":"Which of our customers may send traffic via this carrier. Absent: no assignment row (DIDTron's default applies)."}},"$defs":{"Contact":{"title":"Contact","description":"One contact of a carrier (carrier_contacts), identified by name within the carrier.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S(.*\\S)?$","description":"Name of the contact or role (e.g. `NOC`); unique within the carrier, it identifies the contact."},"title":{"type":"string","maxLength":50,"description":"Form of address (Mr, Ms, Dr)."},"firstName":{"type":"string","maxLength":100,"description":"Given name of a person."},"lastName":{"type":"string","maxLength":100,"description":"Family name of a person."},"jobTitle":{"type":"string","maxLength":200,"description":"Role at the carrier (e.g. Rates Manager)."},"telephone":{"type":"string","maxLength":50,"description":"Landline number, preferably in international format (+44 20 ...)."},"mobile":{"type":"string","maxLength":50,"description":"Mobile number, preferably in international format."},"email":{"type":"string","format":"email","maxLength":254,"description":"E-mail address for this contact."},"portalAccess":{"type":"boolean","default":false,"description":"Whether the contact may log in to the DIDTron carrier portal."},"isPrimary":{"type":"boolean","default":false,"description":"The carrier's main contact (at most one should be primary)."}}},"CreditAlert":{"title":"CreditAlert","description":"A credit alert of a carrier (carrier_credit_alerts), identified by alertType and direction.","type":"object","additionalProperties":false,"required":["alertType","direction","threshold"],"properties":{"alertType":{"enum":["low_balance","high_balance","24hr_spend_breach"],"description":"What triggers the alert: `low_balance` (balance falls below threshold), `high_balance` (amount owed rises above threshold), `24hr_spend_breach` (rolling 24-hour spend exceeds threshold)."},"threshold":{"type":["string","number"],"x-decimal":{"precision":16,"scale":4},"description":"Amount in the carrier's primaryCurrency at which the alert fires. Decimal, up to 12 digits before the point and 4 after."},"direction":{"enum":["customer","supplier"],"description":"Which side of the relationship is watched: the carrier as our `customer` or as our `supplier`."},"templateId":{"type":"string","minLength":1,"maxLength":64,"description":"DIDTron e-mail template used for the alert; DIDTron's default template when absent."},"recipients":{"type":"array","items":{"type":"string","format":"email","maxLength":254,"description":"An e-mail address."},"uniqueItems":true,"description":"E-mail addresses that receive the alert."},"isActive":{"type":"boolean","default":true,"description":"Whether the alert is sent; `false` keeps it configured but silent."}}},"Assignment":{"title":"Assignment","description":"Which customers may use the carrier (carrier_assignments, at most one per carrier). Category and group codes are stored as the resolved ids.","type":"object","additionalProperties":false,"required":["assignmentType"],"properties":{"assignmentType":{"enum":["all","categories","groups","customers"],"description":"Who may use the carrier: `all` customers, or only those in the listed `categories`, `groups` or `customers`."},"categories":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"A customer category code."},"uniqueItems":true,"x-column":"category_ids","x-ref":"CustomerCategory","description":"Customer category codes allowed when assignmentType is `categories`; stored as their ids in category_ids."},"groups":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"A customer group code."},"uniqueItems":true,"x-column":"group_ids","x-ref":"CustomerGroup","description":"Customer group codes allowed when assignmentType is `groups`; stored as their ids in group_ids."},"customers":{"type":"array","items":{"type":"string","minLength":1,"maxLength":64,"description":"A DIDTron customer id."},"uniqueItems":true,"x-column":"customer_ids","description":"DIDTron customer ids (as strings) allowed when assignmentType is `customers`; stored as written in customer_ids."}},"allOf":[{"if":{"required":["assignmentType"],"properties":{"assignmentType":{"const":"categories"}}},"then":{"required":["categories"]}},{"if":{"required":["assignmentType"],"properties":{"assignmentType":{"const":"groups"}}},"then":{"required":["groups"]}},{"if":{"required":["assignmentType"],"properties":{"assignmentType":{"const":"customers"}}},"then":{"required":["customers"]}}]}}};
const schema37 = {"title":"Contact","description":"One contact of a carrier (carrier_contacts), identified by name within the carrier.","type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S(.*\\S)?$","description":"Name of the contact or role (e.g. `NOC`); unique within the carrier, it identifies the contact."},"title":{"type":"string","maxLength":50,"description":"Form of address (Mr, Ms, Dr)."},"firstName":{"type":"string","maxLength":100,"description":"Given name of a person."},"lastName":{"type":"string","maxLength":100,"description":"Family name of a person."},"jobTitle":{"type":"string","maxLength":200,"description":"Role at the carrier (e.g. Rates Manager)."},"telephone":{"type":"string","maxLength":50,"description":"Landline number, preferably in international format (+44 20 ...)."},"mobile":{"type":"string","maxLength":50,"description":"Mobile number, preferably in international format."},"email":{"type":"string","format":"email","maxLength":254,"description":"E-mail address for this contact."},"portalAccess":{"type":"boolean","default":false,"description":"Whether the contact may log in to the DIDTron carrier portal."},"isPrimary":{"type":"boolean","default":false,"description":"The carrier's main contact (at most one should be primary)."}}};
const schema38 = {"title":"CreditAlert","description":"A credit alert of a carrier (carrier_credit_alerts), identified by alertType and direction.","type":"object","additionalProperties":false,"required":["alertType","direction","threshold"],"properties":{"alertType":{"enum":["low_balance","high_balance","24hr_spend_breach"],"description":"What triggers the alert: `low_balance` (balance falls below threshold), `high_balance` (amount owed rises above threshold), `24hr_spend_breach` (rolling 24-hour spend exceeds threshold)."},"threshold":{"type":["string","number"],"x-decimal":{"precision":16,"scale":4},"description":"Amount in the carrier's primaryCurrency at which the alert fires. Decimal, up to 12 digits before the point and 4 after."},"direction":{"enum":["customer","supplier"],"description":"Which side of the relationship is watched: the carrier as our `customer` or as our `supplier`."},"templateId":{"type":"string","minLength":1,"maxLength":64,"description":"DIDTron e-mail template used for the alert; DIDTron's default template when absent."},"recipients":{"type":"array","items":{"type":"string","format":"email","maxLength":254,"description":"An e-mail address."},"uniqueItems":true,"description":"E-mail addresses that receive the alert."},"isActive":{"type":"boolean","default":true,"description":"Whether the alert is sent; `false` keeps it configured but silent."}}};
const schema39 = {"title":"Assignment","description":"Which customers may use the carrier (carrier_assignments, at most one per carrier). Category and group codes are stored as the resolved ids.","type":"object","additionalProperties":false,"required":["assignmentType"],"properties":{"assignmentType":{"enum":["all","categories","groups","customers"],"description":"Who may use the carrier: `all` customers, or only those in the listed `categories`, `groups` or `customers`."},"categories":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"A customer category code."},"uniqueItems":true,"x-column":"category_ids","x-ref":"CustomerCategory","description":"Customer category codes allowed when assignmentType is `categories`; stored as their ids in category_ids."},"groups":{"type":"array","items":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"A customer group code."},"uniqueItems":true,"x-column":"group_ids","x-ref":"CustomerGroup","description":"Customer group codes allowed when assignmentType is `groups`; stored as their ids in group_ids."},"customers":{"type":"array","items":{"type":"string","minLength":1,"maxLength":64,"description":"A DIDTron customer id."},"uniqueItems":true,"x-column":"customer_ids","description":"DIDTron customer ids (as strings) allowed when assignmentType is `customers`; stored as written in customer_ids."}},"allOf":[{"if":{"required":["assignmentType"],"properties":{"assignmentType":{"const":"categories"}}},"then":{"required":["categories"]}},{"if":{"required":["assignmentType"],"properties":{"assignmentType":{"const":"groups"}}},"then":{"required":["groups"]}},{"if":{"required":["assignmentType"],"properties":{"assignmentType":{"const":"customers"}}},"then":{"required":["customers"]}}]};
const func12 = runtime1.decimalProblem;
const pattern13 = new RegExp("^[A-Z]{3}$", "u");
const formats0 = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.code === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.partnerType === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "partnerType"},message:"must have required property '"+"partnerType"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.primaryCurrency === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "primaryCurrency"},message:"must have required property '"+"primaryCurrency"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema36.properties, key0))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("Carrier" !== data0){
const err6 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Carrier"},message:"must be equal to constant",schema:"Carrier",parentSchema:schema36.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.code !== undefined){
let data1 = data.code;
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err7 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema36.properties.code,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/code",schemaPath:"#/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.code.type,parentSchema:schema36.properties.code,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.name !== undefined){
let data2 = data.name;
if(typeof data2 === "string"){
if(func2(data2) > 200){
const err9 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema36.properties.name,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(func2(data2) < 1){
const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.name,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern7.test(data2)){
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^\\S(.*\\S)?$"},message:"must match pattern \""+"^\\S(.*\\S)?$"+"\"",schema:"^\\S(.*\\S)?$",parentSchema:schema36.properties.name,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.name.type,parentSchema:schema36.properties.name,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.partnerType !== undefined){
let data3 = data.partnerType;
if(!(((data3 === "customer") || (data3 === "supplier")) || (data3 === "bilateral"))){
const err13 = {instancePath:instancePath+"/partnerType",schemaPath:"#/properties/partnerType/enum",keyword:"enum",params:{allowedValues: schema36.properties.partnerType.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.partnerType.enum,parentSchema:schema36.properties.partnerType,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.status !== undefined){
let data4 = data.status;
if(!((((data4 === "active") || (data4 === "paused")) || (data4 === "disabled")) || (data4 === "testing"))){
const err14 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema36.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.status.enum,parentSchema:schema36.properties.status,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.primaryCurrency !== undefined){
let data5 = data.primaryCurrency;
if(typeof data5 === "string"){
if(!pattern13.test(data5)){
const err15 = {instancePath:instancePath+"/primaryCurrency",schemaPath:"#/properties/primaryCurrency/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{3}$"},message:"must match pattern \""+"^[A-Z]{3}$"+"\"",schema:"^[A-Z]{3}$",parentSchema:schema36.properties.primaryCurrency,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/primaryCurrency",schemaPath:"#/properties/primaryCurrency/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.primaryCurrency.type,parentSchema:schema36.properties.primaryCurrency,data:data5};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.customerCreditType !== undefined){
let data6 = data.customerCreditType;
if(!((data6 === "prepaid") || (data6 === "postpaid"))){
const err17 = {instancePath:instancePath+"/customerCreditType",schemaPath:"#/properties/customerCreditType/enum",keyword:"enum",params:{allowedValues: schema36.properties.customerCreditType.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.customerCreditType.enum,parentSchema:schema36.properties.customerCreditType,data:data6};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.customerCreditLimit !== undefined){
let data7 = data.customerCreditLimit;
if((typeof data7 !== "string") && (!((typeof data7 == "number") && (isFinite(data7))))){
const err18 = {instancePath:instancePath+"/customerCreditLimit",schemaPath:"#/properties/customerCreditLimit/type",keyword:"type",params:{type: schema36.properties.customerCreditLimit.type},message:"must be string,number",schema:schema36.properties.customerCreditLimit.type,parentSchema:schema36.properties.customerCreditLimit,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const problem0 = func12(schema36.properties.customerCreditLimit["x-decimal"], data7);
if(problem0 !== undefined){
const err19 = {instancePath:instancePath+"/customerCreditLimit",schemaPath:"#/properties/customerCreditLimit/x-decimal",keyword:"x-decimal",params:{precision: schema36.properties.customerCreditLimit["x-decimal"].precision, scale: schema36.properties.customerCreditLimit["x-decimal"].scale},message:problem0,schema:schema36.properties.customerCreditLimit["x-decimal"],parentSchema:schema36.properties.customerCreditLimit,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.supplierCreditType !== undefined){
let data8 = data.supplierCreditType;
if(!((data8 === "prepaid") || (data8 === "postpaid"))){
const err20 = {instancePath:instancePath+"/supplierCreditType",schemaPath:"#/properties/supplierCreditType/enum",keyword:"enum",params:{allowedValues: schema36.properties.supplierCreditType.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.supplierCreditType.enum,parentSchema:schema36.properties.supplierCreditType,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.bilateralCreditLimit !== undefined){
let data9 = data.bilateralCreditLimit;
if((typeof data9 !== "string") && (!((typeof data9 == "number") && (isFinite(data9))))){
const err21 = {instancePath:instancePath+"/bilateralCreditLimit",schemaPath:"#/properties/bilateralCreditLimit/type",keyword:"type",params:{type: schema36.properties.bilateralCreditLimit.type},message:"must be string,number",schema:schema36.properties.bilateralCreditLimit.type,parentSchema:schema36.properties.bilateralCreditLimit,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
const problem1 = func12(schema36.properties.bilateralCreditLimit["x-decimal"], data9);
if(problem1 !== undefined){
const err22 = {instancePath:instancePath+"/bilateralCreditLimit",schemaPath:"#/properties/bilateralCreditLimit/x-decimal",keyword:"x-decimal",params:{precision: schema36.properties.bilateralCreditLimit["x-decimal"].precision, scale: schema36.properties.bilateralCreditLimit["x-decimal"].scale},message:problem1,schema:schema36.properties.bilateralCreditLimit["x-decimal"],parentSchema:schema36.properties.bilateralCreditLimit,data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.customer24HrSpendLimit !== undefined){
let data10 = data.customer24HrSpendLimit;
if((typeof data10 !== "string") && (!((typeof data10 == "number") && (isFinite(data10))))){
const err23 = {instancePath:instancePath+"/customer24HrSpendLimit",schemaPath:"#/properties/customer24HrSpendLimit/type",keyword:"type",params:{type: schema36.properties.customer24HrSpendLimit.type},message:"must be string,number",schema:schema36.properties.customer24HrSpendLimit.type,parentSchema:schema36.properties.customer24HrSpendLimit,data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const problem2 = func12(schema36.properties.customer24HrSpendLimit["x-decimal"], data10);
if(problem2 !== undefined){
const err24 = {instancePath:instancePath+"/customer24HrSpendLimit",schemaPath:"#/properties/customer24HrSpendLimit/x-decimal",keyword:"x-decimal",params:{precision: schema36.properties.customer24HrSpendLimit["x-decimal"].precision, scale: schema36.properties.customer24HrSpendLimit["x-decimal"].scale},message:problem2,schema:schema36.properties.customer24HrSpendLimit["x-decimal"],parentSchema:schema36.properties.customer24HrSpendLimit,data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.supplier24HrSpendLimit !== undefined){
let data11 = data.supplier24HrSpendLimit;
if((typeof data11 !== "string") && (!((typeof data11 == "number") && (isFinite(data11))))){
const err25 = {instancePath:instancePath+"/supplier24HrSpendLimit",schemaPath:"#/properties/supplier24HrSpendLimit/type",keyword:"type",params:{type: schema36.properties.supplier24HrSpendLimit.type},message:"must be string,number",schema:schema36.properties.supplier24HrSpendLimit.type,parentSchema:schema36.properties.supplier24HrSpendLimit,data:data11};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
const problem3 = func12(schema36.properties.supplier24HrSpendLimit["x-decimal"], data11);
if(problem3 !== undefined){
const err26 = {instancePath:instancePath+"/supplier24HrSpendLimit",schemaPath:"#/properties/supplier24HrSpendLimit/x-decimal",keyword:"x-decimal",params:{precision: schema36.properties.supplier24HrSpendLimit["x-decimal"].precision, scale: schema36.properties.supplier24HrSpendLimit["x-decimal"].scale},message:problem3,schema:schema36.properties.supplier24HrSpendLimit["x-decimal"],parentSchema:schema36.properties.supplier24HrSpendLimit,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.capacityMode !== undefined){
let data12 = data.capacityMode;
if(!((data12 === "unrestricted") || (data12 === "capped"))){
const err27 = {instancePath:instancePath+"/capacityMode",schemaPath:"#/properties/capacityMode/enum",keyword:"enum",params:{allowedValues: schema36.properties.capacityMode.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.capacityMode.enum,parentSchema:schema36.properties.capacityMode,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.capacityLimit !== undefined){
let data13 = data.capacityLimit;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
const err28 = {instancePath:instancePath+"/capacityLimit",schemaPath:"#/properties/capacityLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema36.properties.capacityLimit.type,parentSchema:schema36.properties.capacityLimit,data:data13};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 1 || isNaN(data13)){
const err29 = {instancePath:instancePath+"/capacityLimit",schemaPath:"#/properties/capacityLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema36.properties.capacityLimit,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
if(data.circularRouting !== undefined){
let data14 = data.circularRouting;
if(typeof data14 !== "boolean"){
const err30 = {instancePath:instancePath+"/circularRouting",schemaPath:"#/properties/circularRouting/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.circularRouting.type,parentSchema:schema36.properties.circularRouting,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.customerAccountNumber !== undefined){
let data15 = data.customerAccountNumber;
if(typeof data15 === "string"){
if(func2(data15) > 64){
const err31 = {instancePath:instancePath+"/customerAccountNumber",schemaPath:"#/properties/customerAccountNumber/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema36.properties.customerAccountNumber,data:data15};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(func2(data15) < 1){
const err32 = {instancePath:instancePath+"/customerAccountNumber",schemaPath:"#/properties/customerAccountNumber/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.customerAccountNumber,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/customerAccountNumber",schemaPath:"#/properties/customerAccountNumber/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.customerAccountNumber.type,parentSchema:schema36.properties.customerAccountNumber,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.supplierAccountNumber !== undefined){
let data16 = data.supplierAccountNumber;
if(typeof data16 === "string"){
if(func2(data16) > 64){
const err34 = {instancePath:instancePath+"/supplierAccountNumber",schemaPath:"#/properties/supplierAccountNumber/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema36.properties.supplierAccountNumber,data:data16};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(func2(data16) < 1){
const err35 = {instancePath:instancePath+"/supplierAccountNumber",schemaPath:"#/properties/supplierAccountNumber/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.supplierAccountNumber,data:data16};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/supplierAccountNumber",schemaPath:"#/properties/supplierAccountNumber/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.supplierAccountNumber.type,parentSchema:schema36.properties.supplierAccountNumber,data:data16};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data.taxCode !== undefined){
let data17 = data.taxCode;
if(typeof data17 === "string"){
if(func2(data17) > 64){
const err37 = {instancePath:instancePath+"/taxCode",schemaPath:"#/properties/taxCode/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema36.properties.taxCode,data:data17};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(func2(data17) < 1){
const err38 = {instancePath:instancePath+"/taxCode",schemaPath:"#/properties/taxCode/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema36.properties.taxCode,data:data17};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/taxCode",schemaPath:"#/properties/taxCode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.taxCode.type,parentSchema:schema36.properties.taxCode,data:data17};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data.billTo !== undefined){
let data18 = data.billTo;
if(typeof data18 === "string"){
if(func2(data18) > 2000){
const err40 = {instancePath:instancePath+"/billTo",schemaPath:"#/properties/billTo/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema36.properties.billTo,data:data18};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/billTo",schemaPath:"#/properties/billTo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.billTo.type,parentSchema:schema36.properties.billTo,data:data18};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.shipTo !== undefined){
let data19 = data.shipTo;
if(typeof data19 === "string"){
if(func2(data19) > 2000){
const err42 = {instancePath:instancePath+"/shipTo",schemaPath:"#/properties/shipTo/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters",schema:2000,parentSchema:schema36.properties.shipTo,data:data19};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/shipTo",schemaPath:"#/properties/shipTo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.shipTo.type,parentSchema:schema36.properties.shipTo,data:data19};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.contacts !== undefined){
let data20 = data.contacts;
if(Array.isArray(data20)){
const len0 = data20.length;
for(let i0=0; i0<len0; i0++){
let data21 = data20[i0];
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.name === undefined){
const err44 = {instancePath:instancePath+"/contacts/" + i0,schemaPath:"#/$defs/Contact/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema37.required,parentSchema:schema37,data:data21};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key1 in data21){
if(!(func1.call(schema37.properties, key1))){
const err45 = {instancePath:instancePath+"/contacts/" + i0,schemaPath:"#/$defs/Contact/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema37,data:data21};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data21.name !== undefined){
let data22 = data21.name;
if(typeof data22 === "string"){
if(func2(data22) > 200){
const err46 = {instancePath:instancePath+"/contacts/" + i0+"/name",schemaPath:"#/$defs/Contact/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema37.properties.name,data:data22};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(func2(data22) < 1){
const err47 = {instancePath:instancePath+"/contacts/" + i0+"/name",schemaPath:"#/$defs/Contact/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema37.properties.name,data:data22};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(!pattern7.test(data22)){
const err48 = {instancePath:instancePath+"/contacts/" + i0+"/name",schemaPath:"#/$defs/Contact/properties/name/pattern",keyword:"pattern",params:{pattern: "^\\S(.*\\S)?$"},message:"must match pattern \""+"^\\S(.*\\S)?$"+"\"",schema:"^\\S(.*\\S)?$",parentSchema:schema37.properties.name,data:data22};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/contacts/" + i0+"/name",schemaPath:"#/$defs/Contact/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.name.type,parentSchema:schema37.properties.name,data:data22};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data21.title !== undefined){
let data23 = data21.title;
if(typeof data23 === "string"){
if(func2(data23) > 50){
const err50 = {instancePath:instancePath+"/contacts/" + i0+"/title",schemaPath:"#/$defs/Contact/properties/title/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema37.properties.title,data:data23};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/contacts/" + i0+"/title",schemaPath:"#/$defs/Contact/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.title.type,parentSchema:schema37.properties.title,data:data23};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data21.firstName !== undefined){
let data24 = data21.firstName;
if(typeof data24 === "string"){
if(func2(data24) > 100){
const err52 = {instancePath:instancePath+"/contacts/" + i0+"/firstName",schemaPath:"#/$defs/Contact/properties/firstName/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema37.properties.firstName,data:data24};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/contacts/" + i0+"/firstName",schemaPath:"#/$defs/Contact/properties/firstName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.firstName.type,parentSchema:schema37.properties.firstName,data:data24};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data21.lastName !== undefined){
let data25 = data21.lastName;
if(typeof data25 === "string"){
if(func2(data25) > 100){
const err54 = {instancePath:instancePath+"/contacts/" + i0+"/lastName",schemaPath:"#/$defs/Contact/properties/lastName/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema37.properties.lastName,data:data25};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/contacts/" + i0+"/lastName",schemaPath:"#/$defs/Contact/properties/lastName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.lastName.type,parentSchema:schema37.properties.lastName,data:data25};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data21.jobTitle !== undefined){
let data26 = data21.jobTitle;
if(typeof data26 === "string"){
if(func2(data26) > 200){
const err56 = {instancePath:instancePath+"/contacts/" + i0+"/jobTitle",schemaPath:"#/$defs/Contact/properties/jobTitle/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema37.properties.jobTitle,data:data26};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
else {
const err57 = {instancePath:instancePath+"/contacts/" + i0+"/jobTitle",schemaPath:"#/$defs/Contact/properties/jobTitle/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.jobTitle.type,parentSchema:schema37.properties.jobTitle,data:data26};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data21.telephone !== undefined){
let data27 = data21.telephone;
if(typeof data27 === "string"){
if(func2(data27) > 50){
const err58 = {instancePath:instancePath+"/contacts/" + i0+"/telephone",schemaPath:"#/$defs/Contact/properties/telephone/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema37.properties.telephone,data:data27};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/contacts/" + i0+"/telephone",schemaPath:"#/$defs/Contact/properties/telephone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.telephone.type,parentSchema:schema37.properties.telephone,data:data27};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data21.mobile !== undefined){
let data28 = data21.mobile;
if(typeof data28 === "string"){
if(func2(data28) > 50){
const err60 = {instancePath:instancePath+"/contacts/" + i0+"/mobile",schemaPath:"#/$defs/Contact/properties/mobile/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema37.properties.mobile,data:data28};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/contacts/" + i0+"/mobile",schemaPath:"#/$defs/Contact/properties/mobile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.mobile.type,parentSchema:schema37.properties.mobile,data:data28};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data21.email !== undefined){
let data29 = data21.email;
if(typeof data29 === "string"){
if(func2(data29) > 254){
const err62 = {instancePath:instancePath+"/contacts/" + i0+"/email",schemaPath:"#/$defs/Contact/properties/email/maxLength",keyword:"maxLength",params:{limit: 254},message:"must NOT have more than 254 characters",schema:254,parentSchema:schema37.properties.email,data:data29};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if(!(formats0.test(data29))){
const err63 = {instancePath:instancePath+"/contacts/" + i0+"/email",schemaPath:"#/$defs/Contact/properties/email/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema37.properties.email,data:data29};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
else {
const err64 = {instancePath:instancePath+"/contacts/" + i0+"/email",schemaPath:"#/$defs/Contact/properties/email/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema37.properties.email.type,parentSchema:schema37.properties.email,data:data29};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data21.portalAccess !== undefined){
let data30 = data21.portalAccess;
if(typeof data30 !== "boolean"){
const err65 = {instancePath:instancePath+"/contacts/" + i0+"/portalAccess",schemaPath:"#/$defs/Contact/properties/portalAccess/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.portalAccess.type,parentSchema:schema37.properties.portalAccess,data:data30};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data21.isPrimary !== undefined){
let data31 = data21.isPrimary;
if(typeof data31 !== "boolean"){
const err66 = {instancePath:instancePath+"/contacts/" + i0+"/isPrimary",schemaPath:"#/$defs/Contact/properties/isPrimary/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema37.properties.isPrimary.type,parentSchema:schema37.properties.isPrimary,data:data31};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/contacts/" + i0,schemaPath:"#/$defs/Contact/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema37.type,parentSchema:schema37,data:data21};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/contacts",schemaPath:"#/properties/contacts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.contacts.type,parentSchema:schema36.properties.contacts,data:data20};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.creditAlerts !== undefined){
let data32 = data.creditAlerts;
if(Array.isArray(data32)){
const len1 = data32.length;
for(let i1=0; i1<len1; i1++){
let data33 = data32[i1];
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
if(data33.alertType === undefined){
const err69 = {instancePath:instancePath+"/creditAlerts/" + i1,schemaPath:"#/$defs/CreditAlert/required",keyword:"required",params:{missingProperty: "alertType"},message:"must have required property '"+"alertType"+"'",schema:schema38.required,parentSchema:schema38,data:data33};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(data33.direction === undefined){
const err70 = {instancePath:instancePath+"/creditAlerts/" + i1,schemaPath:"#/$defs/CreditAlert/required",keyword:"required",params:{missingProperty: "direction"},message:"must have required property '"+"direction"+"'",schema:schema38.required,parentSchema:schema38,data:data33};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data33.threshold === undefined){
const err71 = {instancePath:instancePath+"/creditAlerts/" + i1,schemaPath:"#/$defs/CreditAlert/required",keyword:"required",params:{missingProperty: "threshold"},message:"must have required property '"+"threshold"+"'",schema:schema38.required,parentSchema:schema38,data:data33};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
for(const key2 in data33){
if(!((((((key2 === "alertType") || (key2 === "threshold")) || (key2 === "direction")) || (key2 === "templateId")) || (key2 === "recipients")) || (key2 === "isActive"))){
const err72 = {instancePath:instancePath+"/creditAlerts/" + i1,schemaPath:"#/$defs/CreditAlert/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema38,data:data33};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data33.alertType !== undefined){
let data34 = data33.alertType;
if(!(((data34 === "low_balance") || (data34 === "high_balance")) || (data34 === "24hr_spend_breach"))){
const err73 = {instancePath:instancePath+"/creditAlerts/" + i1+"/alertType",schemaPath:"#/$defs/CreditAlert/properties/alertType/enum",keyword:"enum",params:{allowedValues: schema38.properties.alertType.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.alertType.enum,parentSchema:schema38.properties.alertType,data:data34};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data33.threshold !== undefined){
let data35 = data33.threshold;
if((typeof data35 !== "string") && (!((typeof data35 == "number") && (isFinite(data35))))){
const err74 = {instancePath:instancePath+"/creditAlerts/" + i1+"/threshold",schemaPath:"#/$defs/CreditAlert/properties/threshold/type",keyword:"type",params:{type: schema38.properties.threshold.type},message:"must be string,number",schema:schema38.properties.threshold.type,parentSchema:schema38.properties.threshold,data:data35};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
const problem4 = func12(schema38.properties.threshold["x-decimal"], data35);
if(problem4 !== undefined){
const err75 = {instancePath:instancePath+"/creditAlerts/" + i1+"/threshold",schemaPath:"#/$defs/CreditAlert/properties/threshold/x-decimal",keyword:"x-decimal",params:{precision: schema38.properties.threshold["x-decimal"].precision, scale: schema38.properties.threshold["x-decimal"].scale},message:problem4,schema:schema38.properties.threshold["x-decimal"],parentSchema:schema38.properties.threshold,data:data35};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data33.direction !== undefined){
let data36 = data33.direction;
if(!((data36 === "customer") || (data36 === "supplier"))){
const err76 = {instancePath:instancePath+"/creditAlerts/" + i1+"/direction",schemaPath:"#/$defs/CreditAlert/properties/direction/enum",keyword:"enum",params:{allowedValues: schema38.properties.direction.enum},message:"must be equal to one of the allowed values",schema:schema38.properties.direction.enum,parentSchema:schema38.properties.direction,data:data36};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data33.templateId !== undefined){
let data37 = data33.templateId;
if(typeof data37 === "string"){
if(func2(data37) > 64){
const err77 = {instancePath:instancePath+"/creditAlerts/" + i1+"/templateId",schemaPath:"#/$defs/CreditAlert/properties/templateId/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema38.properties.templateId,data:data37};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if(func2(data37) < 1){
const err78 = {instancePath:instancePath+"/creditAlerts/" + i1+"/templateId",schemaPath:"#/$defs/CreditAlert/properties/templateId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema38.properties.templateId,data:data37};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/creditAlerts/" + i1+"/templateId",schemaPath:"#/$defs/CreditAlert/properties/templateId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.templateId.type,parentSchema:schema38.properties.templateId,data:data37};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data33.recipients !== undefined){
let data38 = data33.recipients;
if(Array.isArray(data38)){
const len2 = data38.length;
for(let i2=0; i2<len2; i2++){
let data39 = data38[i2];
if(typeof data39 === "string"){
if(func2(data39) > 254){
const err80 = {instancePath:instancePath+"/creditAlerts/" + i1+"/recipients/" + i2,schemaPath:"#/$defs/CreditAlert/properties/recipients/items/maxLength",keyword:"maxLength",params:{limit: 254},message:"must NOT have more than 254 characters",schema:254,parentSchema:schema38.properties.recipients.items,data:data39};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(!(formats0.test(data39))){
const err81 = {instancePath:instancePath+"/creditAlerts/" + i1+"/recipients/" + i2,schemaPath:"#/$defs/CreditAlert/properties/recipients/items/format",keyword:"format",params:{format: "email"},message:"must match format \""+"email"+"\"",schema:"email",parentSchema:schema38.properties.recipients.items,data:data39};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/creditAlerts/" + i1+"/recipients/" + i2,schemaPath:"#/$defs/CreditAlert/properties/recipients/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema38.properties.recipients.items.type,parentSchema:schema38.properties.recipients.items,data:data39};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
let i3 = data38.length;
let j0;
if(i3 > 1){
const indices0 = {};
for(;i3--;){
let item0 = data38[i3];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err83 = {instancePath:instancePath+"/creditAlerts/" + i1+"/recipients",schemaPath:"#/$defs/CreditAlert/properties/recipients/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i3+" are identical)",schema:true,parentSchema:schema38.properties.recipients,data:data38};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
break;
}
indices0[item0] = i3;
}
}
}
else {
const err84 = {instancePath:instancePath+"/creditAlerts/" + i1+"/recipients",schemaPath:"#/$defs/CreditAlert/properties/recipients/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema38.properties.recipients.type,parentSchema:schema38.properties.recipients,data:data38};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data33.isActive !== undefined){
let data40 = data33.isActive;
if(typeof data40 !== "boolean"){
const err85 = {instancePath:instancePath+"/creditAlerts/" + i1+"/isActive",schemaPath:"#/$defs/CreditAlert/properties/isActive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema38.properties.isActive.type,parentSchema:schema38.properties.isActive,data:data40};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
}
else {
const err86 = {instancePath:instancePath+"/creditAlerts/" + i1,schemaPath:"#/$defs/CreditAlert/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema38.type,parentSchema:schema38,data:data33};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
}
else {
const err87 = {instancePath:instancePath+"/creditAlerts",schemaPath:"#/properties/creditAlerts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema36.properties.creditAlerts.type,parentSchema:schema36.properties.creditAlerts,data:data32};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data.assignment !== undefined){
let data41 = data.assignment;
const _errs84 = errors;
let valid14 = true;
const _errs85 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
let missing0;
if((data41.assignmentType === undefined) && (missing0 = "assignmentType")){
const err88 = {};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
else {
if(data41.assignmentType !== undefined){
if("categories" !== data41.assignmentType){
const err89 = {};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
}
}
var _valid0 = _errs85 === errors;
errors = _errs84;
if(vErrors !== null){
if(_errs84){
vErrors.length = _errs84;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs87 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.categories === undefined){
const err90 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/allOf/0/then/required",keyword:"required",params:{missingProperty: "categories"},message:"must have required property '"+"categories"+"'",schema:schema39.allOf[0].then.required,parentSchema:schema39.allOf[0].then,data:data41};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
var _valid0 = _errs87 === errors;
valid14 = _valid0;
}
if(!valid14){
const err91 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema39.allOf[0].if,parentSchema:schema39.allOf[0],data:data41};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
const _errs89 = errors;
let valid16 = true;
const _errs90 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
let missing1;
if((data41.assignmentType === undefined) && (missing1 = "assignmentType")){
const err92 = {};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
else {
if(data41.assignmentType !== undefined){
if("groups" !== data41.assignmentType){
const err93 = {};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
}
}
var _valid1 = _errs90 === errors;
errors = _errs89;
if(vErrors !== null){
if(_errs89){
vErrors.length = _errs89;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs92 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.groups === undefined){
const err94 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/allOf/1/then/required",keyword:"required",params:{missingProperty: "groups"},message:"must have required property '"+"groups"+"'",schema:schema39.allOf[1].then.required,parentSchema:schema39.allOf[1].then,data:data41};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
var _valid1 = _errs92 === errors;
valid16 = _valid1;
}
if(!valid16){
const err95 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema39.allOf[1].if,parentSchema:schema39.allOf[1],data:data41};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
const _errs94 = errors;
let valid18 = true;
const _errs95 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
let missing2;
if((data41.assignmentType === undefined) && (missing2 = "assignmentType")){
const err96 = {};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
else {
if(data41.assignmentType !== undefined){
if("customers" !== data41.assignmentType){
const err97 = {};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
}
var _valid2 = _errs95 === errors;
errors = _errs94;
if(vErrors !== null){
if(_errs94){
vErrors.length = _errs94;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs97 = errors;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.customers === undefined){
const err98 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/allOf/2/then/required",keyword:"required",params:{missingProperty: "customers"},message:"must have required property '"+"customers"+"'",schema:schema39.allOf[2].then.required,parentSchema:schema39.allOf[2].then,data:data41};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
var _valid2 = _errs97 === errors;
valid18 = _valid2;
}
if(!valid18){
const err99 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema39.allOf[2].if,parentSchema:schema39.allOf[2],data:data41};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.assignmentType === undefined){
const err100 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/required",keyword:"required",params:{missingProperty: "assignmentType"},message:"must have required property '"+"assignmentType"+"'",schema:schema39.required,parentSchema:schema39,data:data41};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
for(const key3 in data41){
if(!((((key3 === "assignmentType") || (key3 === "categories")) || (key3 === "groups")) || (key3 === "customers"))){
const err101 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data:data41};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data41.assignmentType !== undefined){
let data45 = data41.assignmentType;
if(!((((data45 === "all") || (data45 === "categories")) || (data45 === "groups")) || (data45 === "customers"))){
const err102 = {instancePath:instancePath+"/assignment/assignmentType",schemaPath:"#/$defs/Assignment/properties/assignmentType/enum",keyword:"enum",params:{allowedValues: schema39.properties.assignmentType.enum},message:"must be equal to one of the allowed values",schema:schema39.properties.assignmentType.enum,parentSchema:schema39.properties.assignmentType,data:data45};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data41.categories !== undefined){
let data46 = data41.categories;
if(Array.isArray(data46)){
const len3 = data46.length;
for(let i4=0; i4<len3; i4++){
let data47 = data46[i4];
if(typeof data47 === "string"){
if(!pattern6.test(data47)){
const err103 = {instancePath:instancePath+"/assignment/categories/" + i4,schemaPath:"#/$defs/Assignment/properties/categories/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39.properties.categories.items,data:data47};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
else {
const err104 = {instancePath:instancePath+"/assignment/categories/" + i4,schemaPath:"#/$defs/Assignment/properties/categories/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.categories.items.type,parentSchema:schema39.properties.categories.items,data:data47};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
let i5 = data46.length;
let j1;
if(i5 > 1){
const indices1 = {};
for(;i5--;){
let item1 = data46[i5];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err105 = {instancePath:instancePath+"/assignment/categories",schemaPath:"#/$defs/Assignment/properties/categories/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i5+" are identical)",schema:true,parentSchema:schema39.properties.categories,data:data46};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
break;
}
indices1[item1] = i5;
}
}
}
else {
const err106 = {instancePath:instancePath+"/assignment/categories",schemaPath:"#/$defs/Assignment/properties/categories/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.categories.type,parentSchema:schema39.properties.categories,data:data46};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
}
if(data41.groups !== undefined){
let data48 = data41.groups;
if(Array.isArray(data48)){
const len4 = data48.length;
for(let i6=0; i6<len4; i6++){
let data49 = data48[i6];
if(typeof data49 === "string"){
if(!pattern6.test(data49)){
const err107 = {instancePath:instancePath+"/assignment/groups/" + i6,schemaPath:"#/$defs/Assignment/properties/groups/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema39.properties.groups.items,data:data49};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
else {
const err108 = {instancePath:instancePath+"/assignment/groups/" + i6,schemaPath:"#/$defs/Assignment/properties/groups/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.groups.items.type,parentSchema:schema39.properties.groups.items,data:data49};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
let i7 = data48.length;
let j2;
if(i7 > 1){
const indices2 = {};
for(;i7--;){
let item2 = data48[i7];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err109 = {instancePath:instancePath+"/assignment/groups",schemaPath:"#/$defs/Assignment/properties/groups/uniqueItems",keyword:"uniqueItems",params:{i: i7, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i7+" are identical)",schema:true,parentSchema:schema39.properties.groups,data:data48};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
break;
}
indices2[item2] = i7;
}
}
}
else {
const err110 = {instancePath:instancePath+"/assignment/groups",schemaPath:"#/$defs/Assignment/properties/groups/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.groups.type,parentSchema:schema39.properties.groups,data:data48};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data41.customers !== undefined){
let data50 = data41.customers;
if(Array.isArray(data50)){
const len5 = data50.length;
for(let i8=0; i8<len5; i8++){
let data51 = data50[i8];
if(typeof data51 === "string"){
if(func2(data51) > 64){
const err111 = {instancePath:instancePath+"/assignment/customers/" + i8,schemaPath:"#/$defs/Assignment/properties/customers/items/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema39.properties.customers.items,data:data51};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if(func2(data51) < 1){
const err112 = {instancePath:instancePath+"/assignment/customers/" + i8,schemaPath:"#/$defs/Assignment/properties/customers/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema39.properties.customers.items,data:data51};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
else {
const err113 = {instancePath:instancePath+"/assignment/customers/" + i8,schemaPath:"#/$defs/Assignment/properties/customers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.customers.items.type,parentSchema:schema39.properties.customers.items,data:data51};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
let i9 = data50.length;
let j3;
if(i9 > 1){
const indices3 = {};
for(;i9--;){
let item3 = data50[i9];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err114 = {instancePath:instancePath+"/assignment/customers",schemaPath:"#/$defs/Assignment/properties/customers/uniqueItems",keyword:"uniqueItems",params:{i: i9, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i9+" are identical)",schema:true,parentSchema:schema39.properties.customers,data:data50};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
break;
}
indices3[item3] = i9;
}
}
}
else {
const err115 = {instancePath:instancePath+"/assignment/customers",schemaPath:"#/$defs/Assignment/properties/customers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema39.properties.customers.type,parentSchema:schema39.properties.customers,data:data50};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
}
}
else {
const err116 = {instancePath:instancePath+"/assignment",schemaPath:"#/$defs/Assignment/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data:data41};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
}
else {
const err117 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Interconnect = validate26;
const schema40 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Interconnect","description":"A SIP trunk between DIDTron and a carrier: where the carrier's equipment is, which direction calls flow, how many at once, and how signalling and media are handled. Stored in carrier_interconnects; addresses, codecs and the four settings objects live in their own tables, owned by the interconnect. Identified by carrier and name (`ACME/lon-1`); DIDTron assigns its shortCode (I1, I2, ...).","type":"object","additionalProperties":false,"required":["kind","carrier","name","direction"],"properties":{"kind":{"const":"Interconnect","description":"Always `Interconnect`."},"carrier":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"Code of the carrier this interconnect belongs to; stored as the carrier's id in carrier_id."},"name":{"type":"string","minLength":1,"maxLength":100,"pattern":"^[^/\\s]([^/]*[^/\\s])?$","description":"Name of the interconnect, unique within its carrier (e.g. `lon-1`). No `/` (keys print as `ACME/lon-1`) and no blanks at either end."},"direction":{"enum":["ingress","egress","both"],"description":"Which calls the trunk carries: `ingress` (from the carrier to us), `egress` (from us to the carrier) or `both`."},"currencyCode":{"type":"string","pattern":"^[A-Z]{3}$","description":"ISO 4217 code (e.g. `EUR`) of the currency traffic on this trunk is billed in, when it differs from the carrier's primaryCurrency. Stored as text."},"protocol":{"enum":["SIP"],"default":"SIP","description":"Signalling protocol. Only `SIP` is supported."},"capacityMode":{"enum":["unrestricted","capped"],"default":"unrestricted","description":"Whether concurrent calls on this trunk are limited: `unrestricted`, or `capped` at capacityLimit."},"capacityLimit":{"type":"integer","minimum":1,"description":"Most concurrent calls on this trunk when capacityMode is `capped` (required then)."},"isActive":{"type":"boolean","default":true,"description":"Whether the trunk takes calls; `false` keeps it configured but out of service."},"techPrefix":{"type":"string","pattern":"^\\S{1,32}$","description":"Technical prefix the carrier puts in front of dialled numbers to select this trunk (e.g. `7701`); lets two carriers share one SBC address on ingress. No blanks, at most 32 characters."},"ipAddress":{"type":"string","anyOf":[{"format":"ipv4"},{"format":"ipv6"}],"description":"Main signalling address of the carrier's equipment (IPv4 or IPv6, no prefix length). Further addresses and ranges go in ipAddresses."},"sipPort":{"type":"integer","minimum":1,"maximum":65535,"description":"UDP/TCP port of the carrier's SIP endpoint, 1 to 65535 (usually 5060)."},"ipAddresses":{"type":"array","items":{"$ref":"#/$defs/IpAddress"},"description":"Signalling (`transport`) and media addresses of the carrier; on ingress, calls are accepted only from transport addresses. Matched by ipAddress and addressType; order does not matter."},"validation":{"$ref":"#/$defs/ValidationSettings","description":"How incoming calls are recognised and limited (one row in interconnect_validation_settings)."},"translation":{"$ref":"#/$defs/TranslationSettings","description":"Number and header rewriting (one row in interconnect_translation_settings)."},"codecs":{"type":"array","items":{"$ref":"#/$defs/Codec"},"description":"Codecs offered and accepted, in order of preference: the list order is stored as displayOrder (first = 0). Matched by codecName."},"media":{"$ref":"#/$defs/MediaSettings","description":"DTMF and RTP handling (one row in interconnect_media_settings)."},"signalling":{"$ref":"#/$defs/SignallingSettings","description":"SIP session behaviour (one row in interconnect_signalling_settings)."}},"$defs":{"IpAddress":{"title":"IpAddress","description":"One address or address range of an interconnect (interconnect_ip_addresses), identified by ipAddress and addressType.","type":"object","additionalProperties":false,"required":["ipAddress","addressType"],"properties":{"ipAddress":{"type":"string","anyOf":[{"format":"ipv4"},{"format":"ipv6"}],"description":"IPv4 or IPv6 address (no prefix length); the first address of the range when isRange is true."},"isRange":{"type":"boolean","default":false,"description":"Whether this entry is the range ipAddress..rangeEnd (inclusive) rather than one address."},"rangeEnd":{"type":"string","anyOf":[{"format":"ipv4"},{"format":"ipv6"}],"description":"Last address of the range, same family as ipAddress and not below it; only with isRange: true."},"addressType":{"enum":["transport","media"],"description":"`transport`: SIP signalling comes from or goes to this address; `media`: RTP comes from this address."},"isActive":{"type":"boolean","default":true,"description":"Whether the address is in use; `false` keeps it listed but ignored."}}},"ValidationSettings":{"title":"ValidationSettings","description":"Checks applied to calls arriving on the interconnect.","type":"object","additionalProperties":false,"properties":{"techPrefix":{"type":"string","pattern":"^\\S{1,32}$","description":"Technical prefix required on incoming calls (stripped before routing)."},"fromUri":{"type":"string","maxLength":500,"description":"Pattern the SIP From URI of incoming calls must match (e.g. `sip:*@sbc.acme.example`)."},"contactUri":{"type":"string","maxLength":500,"description":"Pattern the SIP Contact URI of incoming calls must match."},"trunkGroup":{"type":"string","maxLength":100,"description":"Trunk group (tgrp) identifier expected on incoming calls."},"maxCps":{"type":"integer","minimum":1,"description":"Most new calls per second accepted, enforced when maxCpsEnabled is true."},"maxCpsEnabled":{"type":"boolean","default":false,"description":"Whether maxCps is enforced."},"testSystemControl":{"type":"string","maxLength":100,"description":"How calls from DIDTron's test system are treated on this trunk (e.g. `allow`, `deny`)."}}},"TranslationSettings":{"title":"TranslationSettings","description":"Rewriting of numbers and identity headers on the interconnect.","type":"object","additionalProperties":false,"properties":{"originationPreference":{"type":"string","maxLength":100,"description":"Which header the calling number is taken from (e.g. `pai`, `from`)."},"originationValidation":{"type":"string","maxLength":100,"description":"Check applied to the calling number (e.g. `e164`, `none`)."},"setPaiHeader":{"type":"string","maxLength":100,"description":"How the P-Asserted-Identity header is set on outgoing calls (e.g. `from`, `none`)."},"globalTranslation":{"type":"string","maxLength":500,"description":"Number format or rule applied to both numbers (e.g. `e164`)."},"originTranslation":{"type":"string","maxLength":500,"description":"Rewrite rule for the calling number (e.g. `s/^\\+//`)."},"destinationTranslation":{"type":"string","maxLength":500,"description":"Rewrite rule for the called number (e.g. `s/^00//`)."}}},"Codec":{"title":"Codec","description":"One codec of an interconnect (interconnect_codecs), identified by codecName; its position in the list is its displayOrder.","type":"object","additionalProperties":false,"required":["codecName"],"properties":{"codecName":{"type":"string","minLength":1,"maxLength":50,"pattern":"^\\S+$","description":"Codec name as DIDTron knows it (e.g. `PCMA`, `G729`, `OPUS`); unique within the interconnect."},"codecId":{"type":"string","maxLength":20,"description":"RTP payload type (e.g. `8` for PCMA, `18` for G729), quoted."},"allowed":{"type":"boolean","default":true,"description":"Whether the codec may be negotiated on this trunk."},"relayOnly":{"type":"boolean","default":false,"description":"Pass the codec through without transcoding."},"vad":{"type":"boolean","default":false,"description":"Voice activity detection (silence suppression)."},"ptime":{"type":"integer","minimum":10,"maximum":150,"description":"Packetisation time in milliseconds, 10 to 150 (usually 20)."}}},"MediaSettings":{"title":"MediaSettings","description":"RTP and DTMF handling on the interconnect.","type":"object","additionalProperties":false,"properties":{"dtmfDetection":{"type":"string","maxLength":100,"description":"How DTMF digits are carried (e.g. `rfc2833`, `inband`, `info`)."},"mediaRelay":{"type":"string","maxLength":100,"description":"Whether RTP is anchored through DIDTron's media servers (e.g. `always`, `auto`, `never`)."},"mediaNetwork":{"type":"string","maxLength":100,"description":"Network the media leg uses (e.g. `public`, `private`)."},"rtpTimeout":{"type":"integer","minimum":1,"description":"Seconds without RTP after which a call is released, when rtpTimeoutEnabled is true."},"rtpTimeoutEnabled":{"type":"boolean","default":false,"description":"Whether rtpTimeout is enforced."}}},"SignallingSettings":{"title":"SignallingSettings","description":"SIP session behaviour on the interconnect.","type":"object","additionalProperties":false,"properties":{"privacyMethod":{"type":"string","maxLength":100,"description":"How caller privacy is signalled (e.g. `rfc3325`, `none`)."},"sessionTimerEnabled":{"type":"boolean","default":false,"description":"Whether SIP session timers (RFC 4028) are used to detect dead calls."},"sessionTimerInterval":{"type":"integer","minimum":90,"maximum":86400,"description":"Session refresh interval in seconds, 90 to 86400."},"maxCallDuration":{"type":"integer","minimum":1,"description":"Longest allowed call in seconds, enforced when maxCallDurationEnabled is true."},"maxCallDurationEnabled":{"type":"boolean","default":false,"description":"Whether maxCallDuration is enforced."},"earlyMediaEnabled":{"type":"boolean","default":false,"description":"Whether early media (183 Session Progress with SDP) is passed through."},"100relEnabled":{"type":"boolean","default":false,"description":"Whether reliable provisional responses (100rel, PRACK, RFC 3262) are used. Stored in column \"100rel_enabled\"."},"releaseCauseMapping":{"type":"object","propertyNames":{"pattern":"^[1-6][0-9]{2}$"},"additionalProperties":{"type":"integer","minimum":1,"maximum":127,"description":"A Q.850 cause value."},"description":"Map from SIP response code (quoted, e.g. \"486\") to the Q.850 release cause (1 to 127) reported for it. Stored as JSON."}}}}};
const schema41 = {"title":"IpAddress","description":"One address or address range of an interconnect (interconnect_ip_addresses), identified by ipAddress and addressType.","type":"object","additionalProperties":false,"required":["ipAddress","addressType"],"properties":{"ipAddress":{"type":"string","anyOf":[{"format":"ipv4"},{"format":"ipv6"}],"description":"IPv4 or IPv6 address (no prefix length); the first address of the range when isRange is true."},"isRange":{"type":"boolean","default":false,"description":"Whether this entry is the range ipAddress..rangeEnd (inclusive) rather than one address."},"rangeEnd":{"type":"string","anyOf":[{"format":"ipv4"},{"format":"ipv6"}],"description":"Last address of the range, same family as ipAddress and not below it; only with isRange: true."},"addressType":{"enum":["transport","media"],"description":"`transport`: SIP signalling comes from or goes to this address; `media`: RTP comes from this address."},"isActive":{"type":"boolean","default":true,"description":"Whether the address is in use; `false` keeps it listed but ignored."}}};
const schema42 = {"title":"ValidationSettings","description":"Checks applied to calls arriving on the interconnect.","type":"object","additionalProperties":false,"properties":{"techPrefix":{"type":"string","pattern":"^\\S{1,32}$","description":"Technical prefix required on incoming calls (stripped before routing)."},"fromUri":{"type":"string","maxLength":500,"description":"Pattern the SIP From URI of incoming calls must match (e.g. `sip:*@sbc.acme.example`)."},"contactUri":{"type":"string","maxLength":500,"description":"Pattern the SIP Contact URI of incoming calls must match."},"trunkGroup":{"type":"string","maxLength":100,"description":"Trunk group (tgrp) identifier expected on incoming calls."},"maxCps":{"type":"integer","minimum":1,"description":"Most new calls per second accepted, enforced when maxCpsEnabled is true."},"maxCpsEnabled":{"type":"boolean","default":false,"description":"Whether maxCps is enforced."},"testSystemControl":{"type":"string","maxLength":100,"description":"How calls from DIDTron's test system are treated on this trunk (e.g. `allow`, `deny`)."}}};
const schema43 = {"title":"TranslationSettings","description":"Rewriting of numbers and identity headers on the interconnect.","type":"object","additionalProperties":false,"properties":{"originationPreference":{"type":"string","maxLength":100,"description":"Which header the calling number is taken from (e.g. `pai`, `from`)."},"originationValidation":{"type":"string","maxLength":100,"description":"Check applied to the calling number (e.g. `e164`, `none`)."},"setPaiHeader":{"type":"string","maxLength":100,"description":"How the P-Asserted-Identity header is set on outgoing calls (e.g. `from`, `none`)."},"globalTranslation":{"type":"string","maxLength":500,"description":"Number format or rule applied to both numbers (e.g. `e164`)."},"originTranslation":{"type":"string","maxLength":500,"description":"Rewrite rule for the calling number (e.g. `s/^\\+//`)."},"destinationTranslation":{"type":"string","maxLength":500,"description":"Rewrite rule for the called number (e.g. `s/^00//`)."}}};
const schema44 = {"title":"Codec","description":"One codec of an interconnect (interconnect_codecs), identified by codecName; its position in the list is its displayOrder.","type":"object","additionalProperties":false,"required":["codecName"],"properties":{"codecName":{"type":"string","minLength":1,"maxLength":50,"pattern":"^\\S+$","description":"Codec name as DIDTron knows it (e.g. `PCMA`, `G729`, `OPUS`); unique within the interconnect."},"codecId":{"type":"string","maxLength":20,"description":"RTP payload type (e.g. `8` for PCMA, `18` for G729), quoted."},"allowed":{"type":"boolean","default":true,"description":"Whether the codec may be negotiated on this trunk."},"relayOnly":{"type":"boolean","default":false,"description":"Pass the codec through without transcoding."},"vad":{"type":"boolean","default":false,"description":"Voice activity detection (silence suppression)."},"ptime":{"type":"integer","minimum":10,"maximum":150,"description":"Packetisation time in milliseconds, 10 to 150 (usually 20)."}}};
const schema45 = {"title":"MediaSettings","description":"RTP and DTMF handling on the interconnect.","type":"object","additionalProperties":false,"properties":{"dtmfDetection":{"type":"string","maxLength":100,"description":"How DTMF digits are carried (e.g. `rfc2833`, `inband`, `info`)."},"mediaRelay":{"type":"string","maxLength":100,"description":"Whether RTP is anchored through DIDTron's media servers (e.g. `always`, `auto`, `never`)."},"mediaNetwork":{"type":"string","maxLength":100,"description":"Network the media leg uses (e.g. `public`, `private`)."},"rtpTimeout":{"type":"integer","minimum":1,"description":"Seconds without RTP after which a call is released, when rtpTimeoutEnabled is true."},"rtpTimeoutEnabled":{"type":"boolean","default":false,"description":"Whether rtpTimeout is enforced."}}};
const schema46 = {"title":"SignallingSettings","description":"SIP session behaviour on the interconnect.","type":"object","additionalProperties":false,"properties":{"privacyMethod":{"type":"string","maxLength":100,"description":"How caller privacy is signalled (e.g. `rfc3325`, `none`)."},"sessionTimerEnabled":{"type":"boolean","default":false,"description":"Whether SIP session timers (RFC 4028) are used to detect dead calls."},"sessionTimerInterval":{"type":"integer","minimum":90,"maximum":86400,"description":"Session refresh interval in seconds, 90 to 86400."},"maxCallDuration":{"type":"integer","minimum":1,"description":"Longest allowed call in seconds, enforced when maxCallDurationEnabled is true."},"maxCallDurationEnabled":{"type":"boolean","default":false,"description":"Whether maxCallDuration is enforced."},"earlyMediaEnabled":{"type":"boolean","default":false,"description":"Whether early media (183 Session Progress with SDP) is passed through."},"100relEnabled":{"type":"boolean","default":false,"description":"Whether reliable provisional responses (100rel, PRACK, RFC 3262) are used. Stored in column \"100rel_enabled\"."},"releaseCauseMapping":{"type":"object","propertyNames":{"pattern":"^[1-6][0-9]{2}$"},"additionalProperties":{"type":"integer","minimum":1,"maximum":127,"description":"A Q.850 cause value."},"description":"Map from SIP response code (quoted, e.g. \"486\") to the Q.850 release cause (1 to 127) reported for it. Stored as JSON."}}};
const pattern18 = new RegExp("^[^/\\s]([^/]*[^/\\s])?$", "u");
const pattern20 = new RegExp("^\\S{1,32}$", "u");
const pattern22 = new RegExp("^\\S+$", "u");
const pattern23 = new RegExp("^[1-6][0-9]{2}$", "u");
const formats4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const formats6 = /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.carrier === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "carrier"},message:"must have required property '"+"carrier"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.direction === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "direction"},message:"must have required property '"+"direction"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema40.properties, key0))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("Interconnect" !== data0){
const err5 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Interconnect"},message:"must be equal to constant",schema:"Interconnect",parentSchema:schema40.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.carrier !== undefined){
let data1 = data.carrier;
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err6 = {instancePath:instancePath+"/carrier",schemaPath:"#/properties/carrier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema40.properties.carrier,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/carrier",schemaPath:"#/properties/carrier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.carrier.type,parentSchema:schema40.properties.carrier,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.name !== undefined){
let data2 = data.name;
if(typeof data2 === "string"){
if(func2(data2) > 100){
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema40.properties.name,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data2) < 1){
const err9 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema40.properties.name,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern18.test(data2)){
const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[^/\\s]([^/]*[^/\\s])?$"},message:"must match pattern \""+"^[^/\\s]([^/]*[^/\\s])?$"+"\"",schema:"^[^/\\s]([^/]*[^/\\s])?$",parentSchema:schema40.properties.name,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.name.type,parentSchema:schema40.properties.name,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.direction !== undefined){
let data3 = data.direction;
if(!(((data3 === "ingress") || (data3 === "egress")) || (data3 === "both"))){
const err12 = {instancePath:instancePath+"/direction",schemaPath:"#/properties/direction/enum",keyword:"enum",params:{allowedValues: schema40.properties.direction.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.direction.enum,parentSchema:schema40.properties.direction,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.currencyCode !== undefined){
let data4 = data.currencyCode;
if(typeof data4 === "string"){
if(!pattern13.test(data4)){
const err13 = {instancePath:instancePath+"/currencyCode",schemaPath:"#/properties/currencyCode/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{3}$"},message:"must match pattern \""+"^[A-Z]{3}$"+"\"",schema:"^[A-Z]{3}$",parentSchema:schema40.properties.currencyCode,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/currencyCode",schemaPath:"#/properties/currencyCode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.currencyCode.type,parentSchema:schema40.properties.currencyCode,data:data4};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.protocol !== undefined){
let data5 = data.protocol;
if(!(data5 === "SIP")){
const err15 = {instancePath:instancePath+"/protocol",schemaPath:"#/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema40.properties.protocol.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.protocol.enum,parentSchema:schema40.properties.protocol,data:data5};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.capacityMode !== undefined){
let data6 = data.capacityMode;
if(!((data6 === "unrestricted") || (data6 === "capped"))){
const err16 = {instancePath:instancePath+"/capacityMode",schemaPath:"#/properties/capacityMode/enum",keyword:"enum",params:{allowedValues: schema40.properties.capacityMode.enum},message:"must be equal to one of the allowed values",schema:schema40.properties.capacityMode.enum,parentSchema:schema40.properties.capacityMode,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.capacityLimit !== undefined){
let data7 = data.capacityLimit;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err17 = {instancePath:instancePath+"/capacityLimit",schemaPath:"#/properties/capacityLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.capacityLimit.type,parentSchema:schema40.properties.capacityLimit,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 1 || isNaN(data7)){
const err18 = {instancePath:instancePath+"/capacityLimit",schemaPath:"#/properties/capacityLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40.properties.capacityLimit,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
if(data.isActive !== undefined){
let data8 = data.isActive;
if(typeof data8 !== "boolean"){
const err19 = {instancePath:instancePath+"/isActive",schemaPath:"#/properties/isActive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema40.properties.isActive.type,parentSchema:schema40.properties.isActive,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.techPrefix !== undefined){
let data9 = data.techPrefix;
if(typeof data9 === "string"){
if(!pattern20.test(data9)){
const err20 = {instancePath:instancePath+"/techPrefix",schemaPath:"#/properties/techPrefix/pattern",keyword:"pattern",params:{pattern: "^\\S{1,32}$"},message:"must match pattern \""+"^\\S{1,32}$"+"\"",schema:"^\\S{1,32}$",parentSchema:schema40.properties.techPrefix,data:data9};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/techPrefix",schemaPath:"#/properties/techPrefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.techPrefix.type,parentSchema:schema40.properties.techPrefix,data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.ipAddress !== undefined){
let data10 = data.ipAddress;
if(typeof data10 !== "string"){
const err22 = {instancePath:instancePath+"/ipAddress",schemaPath:"#/properties/ipAddress/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.ipAddress.type,parentSchema:schema40.properties.ipAddress,data:data10};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
const _errs20 = errors;
let valid1 = false;
const _errs21 = errors;
if(typeof data10 === "string"){
if(!(formats4.test(data10))){
const err23 = {instancePath:instancePath+"/ipAddress",schemaPath:"#/properties/ipAddress/anyOf/0/format",keyword:"format",params:{format: "ipv4"},message:"must match format \""+"ipv4"+"\"",schema:"ipv4",parentSchema:schema40.properties.ipAddress.anyOf[0],data:data10};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
var _valid0 = _errs21 === errors;
valid1 = valid1 || _valid0;
const _errs22 = errors;
if(typeof data10 === "string"){
if(!(formats6.test(data10))){
const err24 = {instancePath:instancePath+"/ipAddress",schemaPath:"#/properties/ipAddress/anyOf/1/format",keyword:"format",params:{format: "ipv6"},message:"must match format \""+"ipv6"+"\"",schema:"ipv6",parentSchema:schema40.properties.ipAddress.anyOf[1],data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var _valid0 = _errs22 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err25 = {instancePath:instancePath+"/ipAddress",schemaPath:"#/properties/ipAddress/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema40.properties.ipAddress.anyOf,parentSchema:schema40.properties.ipAddress,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
}
}
if(data.sipPort !== undefined){
let data11 = data.sipPort;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
const err26 = {instancePath:instancePath+"/sipPort",schemaPath:"#/properties/sipPort/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema40.properties.sipPort.type,parentSchema:schema40.properties.sipPort,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 > 65535 || isNaN(data11)){
const err27 = {instancePath:instancePath+"/sipPort",schemaPath:"#/properties/sipPort/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535",schema:65535,parentSchema:schema40.properties.sipPort,data:data11};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data11 < 1 || isNaN(data11)){
const err28 = {instancePath:instancePath+"/sipPort",schemaPath:"#/properties/sipPort/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema40.properties.sipPort,data:data11};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
if(data.ipAddresses !== undefined){
let data12 = data.ipAddresses;
if(Array.isArray(data12)){
const len0 = data12.length;
for(let i0=0; i0<len0; i0++){
let data13 = data12[i0];
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
if(data13.ipAddress === undefined){
const err29 = {instancePath:instancePath+"/ipAddresses/" + i0,schemaPath:"#/$defs/IpAddress/required",keyword:"required",params:{missingProperty: "ipAddress"},message:"must have required property '"+"ipAddress"+"'",schema:schema41.required,parentSchema:schema41,data:data13};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data13.addressType === undefined){
const err30 = {instancePath:instancePath+"/ipAddresses/" + i0,schemaPath:"#/$defs/IpAddress/required",keyword:"required",params:{missingProperty: "addressType"},message:"must have required property '"+"addressType"+"'",schema:schema41.required,parentSchema:schema41,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key1 in data13){
if(!(((((key1 === "ipAddress") || (key1 === "isRange")) || (key1 === "rangeEnd")) || (key1 === "addressType")) || (key1 === "isActive"))){
const err31 = {instancePath:instancePath+"/ipAddresses/" + i0,schemaPath:"#/$defs/IpAddress/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data:data13};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data13.ipAddress !== undefined){
let data14 = data13.ipAddress;
if(typeof data14 !== "string"){
const err32 = {instancePath:instancePath+"/ipAddresses/" + i0+"/ipAddress",schemaPath:"#/$defs/IpAddress/properties/ipAddress/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.ipAddress.type,parentSchema:schema41.properties.ipAddress,data:data14};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const _errs33 = errors;
let valid6 = false;
const _errs34 = errors;
if(typeof data14 === "string"){
if(!(formats4.test(data14))){
const err33 = {instancePath:instancePath+"/ipAddresses/" + i0+"/ipAddress",schemaPath:"#/$defs/IpAddress/properties/ipAddress/anyOf/0/format",keyword:"format",params:{format: "ipv4"},message:"must match format \""+"ipv4"+"\"",schema:"ipv4",parentSchema:schema41.properties.ipAddress.anyOf[0],data:data14};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
var _valid1 = _errs34 === errors;
valid6 = valid6 || _valid1;
const _errs35 = errors;
if(typeof data14 === "string"){
if(!(formats6.test(data14))){
const err34 = {instancePath:instancePath+"/ipAddresses/" + i0+"/ipAddress",schemaPath:"#/$defs/IpAddress/properties/ipAddress/anyOf/1/format",keyword:"format",params:{format: "ipv6"},message:"must match format \""+"ipv6"+"\"",schema:"ipv6",parentSchema:schema41.properties.ipAddress.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
var _valid1 = _errs35 === errors;
valid6 = valid6 || _valid1;
if(!valid6){
const err35 = {instancePath:instancePath+"/ipAddresses/" + i0+"/ipAddress",schemaPath:"#/$defs/IpAddress/properties/ipAddress/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema41.properties.ipAddress.anyOf,parentSchema:schema41.properties.ipAddress,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
else {
errors = _errs33;
if(vErrors !== null){
if(_errs33){
vErrors.length = _errs33;
}
else {
vErrors = null;
}
}
}
}
if(data13.isRange !== undefined){
let data15 = data13.isRange;
if(typeof data15 !== "boolean"){
const err36 = {instancePath:instancePath+"/ipAddresses/" + i0+"/isRange",schemaPath:"#/$defs/IpAddress/properties/isRange/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema41.properties.isRange.type,parentSchema:schema41.properties.isRange,data:data15};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data13.rangeEnd !== undefined){
let data16 = data13.rangeEnd;
if(typeof data16 !== "string"){
const err37 = {instancePath:instancePath+"/ipAddresses/" + i0+"/rangeEnd",schemaPath:"#/$defs/IpAddress/properties/rangeEnd/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.rangeEnd.type,parentSchema:schema41.properties.rangeEnd,data:data16};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const _errs40 = errors;
let valid7 = false;
const _errs41 = errors;
if(typeof data16 === "string"){
if(!(formats4.test(data16))){
const err38 = {instancePath:instancePath+"/ipAddresses/" + i0+"/rangeEnd",schemaPath:"#/$defs/IpAddress/properties/rangeEnd/anyOf/0/format",keyword:"format",params:{format: "ipv4"},message:"must match format \""+"ipv4"+"\"",schema:"ipv4",parentSchema:schema41.properties.rangeEnd.anyOf[0],data:data16};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
var _valid2 = _errs41 === errors;
valid7 = valid7 || _valid2;
const _errs42 = errors;
if(typeof data16 === "string"){
if(!(formats6.test(data16))){
const err39 = {instancePath:instancePath+"/ipAddresses/" + i0+"/rangeEnd",schemaPath:"#/$defs/IpAddress/properties/rangeEnd/anyOf/1/format",keyword:"format",params:{format: "ipv6"},message:"must match format \""+"ipv6"+"\"",schema:"ipv6",parentSchema:schema41.properties.rangeEnd.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
var _valid2 = _errs42 === errors;
valid7 = valid7 || _valid2;
if(!valid7){
const err40 = {instancePath:instancePath+"/ipAddresses/" + i0+"/rangeEnd",schemaPath:"#/$defs/IpAddress/properties/rangeEnd/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema41.properties.rangeEnd.anyOf,parentSchema:schema41.properties.rangeEnd,data:data16};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
errors = _errs40;
if(vErrors !== null){
if(_errs40){
vErrors.length = _errs40;
}
else {
vErrors = null;
}
}
}
}
if(data13.addressType !== undefined){
let data17 = data13.addressType;
if(!((data17 === "transport") || (data17 === "media"))){
const err41 = {instancePath:instancePath+"/ipAddresses/" + i0+"/addressType",schemaPath:"#/$defs/IpAddress/properties/addressType/enum",keyword:"enum",params:{allowedValues: schema41.properties.addressType.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.addressType.enum,parentSchema:schema41.properties.addressType,data:data17};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data13.isActive !== undefined){
let data18 = data13.isActive;
if(typeof data18 !== "boolean"){
const err42 = {instancePath:instancePath+"/ipAddresses/" + i0+"/isActive",schemaPath:"#/$defs/IpAddress/properties/isActive/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema41.properties.isActive.type,parentSchema:schema41.properties.isActive,data:data18};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/ipAddresses/" + i0,schemaPath:"#/$defs/IpAddress/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data:data13};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/ipAddresses",schemaPath:"#/properties/ipAddresses/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.ipAddresses.type,parentSchema:schema40.properties.ipAddresses,data:data12};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.validation !== undefined){
let data19 = data.validation;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key2 in data19){
if(!(((((((key2 === "techPrefix") || (key2 === "fromUri")) || (key2 === "contactUri")) || (key2 === "trunkGroup")) || (key2 === "maxCps")) || (key2 === "maxCpsEnabled")) || (key2 === "testSystemControl"))){
const err45 = {instancePath:instancePath+"/validation",schemaPath:"#/$defs/ValidationSettings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema42,data:data19};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data19.techPrefix !== undefined){
let data20 = data19.techPrefix;
if(typeof data20 === "string"){
if(!pattern20.test(data20)){
const err46 = {instancePath:instancePath+"/validation/techPrefix",schemaPath:"#/$defs/ValidationSettings/properties/techPrefix/pattern",keyword:"pattern",params:{pattern: "^\\S{1,32}$"},message:"must match pattern \""+"^\\S{1,32}$"+"\"",schema:"^\\S{1,32}$",parentSchema:schema42.properties.techPrefix,data:data20};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/validation/techPrefix",schemaPath:"#/$defs/ValidationSettings/properties/techPrefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.techPrefix.type,parentSchema:schema42.properties.techPrefix,data:data20};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data19.fromUri !== undefined){
let data21 = data19.fromUri;
if(typeof data21 === "string"){
if(func2(data21) > 500){
const err48 = {instancePath:instancePath+"/validation/fromUri",schemaPath:"#/$defs/ValidationSettings/properties/fromUri/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema42.properties.fromUri,data:data21};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/validation/fromUri",schemaPath:"#/$defs/ValidationSettings/properties/fromUri/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.fromUri.type,parentSchema:schema42.properties.fromUri,data:data21};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data19.contactUri !== undefined){
let data22 = data19.contactUri;
if(typeof data22 === "string"){
if(func2(data22) > 500){
const err50 = {instancePath:instancePath+"/validation/contactUri",schemaPath:"#/$defs/ValidationSettings/properties/contactUri/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema42.properties.contactUri,data:data22};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/validation/contactUri",schemaPath:"#/$defs/ValidationSettings/properties/contactUri/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.contactUri.type,parentSchema:schema42.properties.contactUri,data:data22};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data19.trunkGroup !== undefined){
let data23 = data19.trunkGroup;
if(typeof data23 === "string"){
if(func2(data23) > 100){
const err52 = {instancePath:instancePath+"/validation/trunkGroup",schemaPath:"#/$defs/ValidationSettings/properties/trunkGroup/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema42.properties.trunkGroup,data:data23};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/validation/trunkGroup",schemaPath:"#/$defs/ValidationSettings/properties/trunkGroup/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.trunkGroup.type,parentSchema:schema42.properties.trunkGroup,data:data23};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
if(data19.maxCps !== undefined){
let data24 = data19.maxCps;
if(!(((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24))) && (isFinite(data24)))){
const err54 = {instancePath:instancePath+"/validation/maxCps",schemaPath:"#/$defs/ValidationSettings/properties/maxCps/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema42.properties.maxCps.type,parentSchema:schema42.properties.maxCps,data:data24};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if((typeof data24 == "number") && (isFinite(data24))){
if(data24 < 1 || isNaN(data24)){
const err55 = {instancePath:instancePath+"/validation/maxCps",schemaPath:"#/$defs/ValidationSettings/properties/maxCps/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema42.properties.maxCps,data:data24};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
if(data19.maxCpsEnabled !== undefined){
let data25 = data19.maxCpsEnabled;
if(typeof data25 !== "boolean"){
const err56 = {instancePath:instancePath+"/validation/maxCpsEnabled",schemaPath:"#/$defs/ValidationSettings/properties/maxCpsEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema42.properties.maxCpsEnabled.type,parentSchema:schema42.properties.maxCpsEnabled,data:data25};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data19.testSystemControl !== undefined){
let data26 = data19.testSystemControl;
if(typeof data26 === "string"){
if(func2(data26) > 100){
const err57 = {instancePath:instancePath+"/validation/testSystemControl",schemaPath:"#/$defs/ValidationSettings/properties/testSystemControl/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema42.properties.testSystemControl,data:data26};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/validation/testSystemControl",schemaPath:"#/$defs/ValidationSettings/properties/testSystemControl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.properties.testSystemControl.type,parentSchema:schema42.properties.testSystemControl,data:data26};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
else {
const err59 = {instancePath:instancePath+"/validation",schemaPath:"#/$defs/ValidationSettings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data:data19};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.translation !== undefined){
let data27 = data.translation;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key3 in data27){
if(!((((((key3 === "originationPreference") || (key3 === "originationValidation")) || (key3 === "setPaiHeader")) || (key3 === "globalTranslation")) || (key3 === "originTranslation")) || (key3 === "destinationTranslation"))){
const err60 = {instancePath:instancePath+"/translation",schemaPath:"#/$defs/TranslationSettings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema43,data:data27};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data27.originationPreference !== undefined){
let data28 = data27.originationPreference;
if(typeof data28 === "string"){
if(func2(data28) > 100){
const err61 = {instancePath:instancePath+"/translation/originationPreference",schemaPath:"#/$defs/TranslationSettings/properties/originationPreference/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema43.properties.originationPreference,data:data28};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
else {
const err62 = {instancePath:instancePath+"/translation/originationPreference",schemaPath:"#/$defs/TranslationSettings/properties/originationPreference/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.originationPreference.type,parentSchema:schema43.properties.originationPreference,data:data28};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
if(data27.originationValidation !== undefined){
let data29 = data27.originationValidation;
if(typeof data29 === "string"){
if(func2(data29) > 100){
const err63 = {instancePath:instancePath+"/translation/originationValidation",schemaPath:"#/$defs/TranslationSettings/properties/originationValidation/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema43.properties.originationValidation,data:data29};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
else {
const err64 = {instancePath:instancePath+"/translation/originationValidation",schemaPath:"#/$defs/TranslationSettings/properties/originationValidation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.originationValidation.type,parentSchema:schema43.properties.originationValidation,data:data29};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data27.setPaiHeader !== undefined){
let data30 = data27.setPaiHeader;
if(typeof data30 === "string"){
if(func2(data30) > 100){
const err65 = {instancePath:instancePath+"/translation/setPaiHeader",schemaPath:"#/$defs/TranslationSettings/properties/setPaiHeader/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema43.properties.setPaiHeader,data:data30};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
else {
const err66 = {instancePath:instancePath+"/translation/setPaiHeader",schemaPath:"#/$defs/TranslationSettings/properties/setPaiHeader/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.setPaiHeader.type,parentSchema:schema43.properties.setPaiHeader,data:data30};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data27.globalTranslation !== undefined){
let data31 = data27.globalTranslation;
if(typeof data31 === "string"){
if(func2(data31) > 500){
const err67 = {instancePath:instancePath+"/translation/globalTranslation",schemaPath:"#/$defs/TranslationSettings/properties/globalTranslation/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema43.properties.globalTranslation,data:data31};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/translation/globalTranslation",schemaPath:"#/$defs/TranslationSettings/properties/globalTranslation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.globalTranslation.type,parentSchema:schema43.properties.globalTranslation,data:data31};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data27.originTranslation !== undefined){
let data32 = data27.originTranslation;
if(typeof data32 === "string"){
if(func2(data32) > 500){
const err69 = {instancePath:instancePath+"/translation/originTranslation",schemaPath:"#/$defs/TranslationSettings/properties/originTranslation/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema43.properties.originTranslation,data:data32};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
else {
const err70 = {instancePath:instancePath+"/translation/originTranslation",schemaPath:"#/$defs/TranslationSettings/properties/originTranslation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.originTranslation.type,parentSchema:schema43.properties.originTranslation,data:data32};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data27.destinationTranslation !== undefined){
let data33 = data27.destinationTranslation;
if(typeof data33 === "string"){
if(func2(data33) > 500){
const err71 = {instancePath:instancePath+"/translation/destinationTranslation",schemaPath:"#/$defs/TranslationSettings/properties/destinationTranslation/maxLength",keyword:"maxLength",params:{limit: 500},message:"must NOT have more than 500 characters",schema:500,parentSchema:schema43.properties.destinationTranslation,data:data33};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
else {
const err72 = {instancePath:instancePath+"/translation/destinationTranslation",schemaPath:"#/$defs/TranslationSettings/properties/destinationTranslation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema43.properties.destinationTranslation.type,parentSchema:schema43.properties.destinationTranslation,data:data33};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
}
else {
const err73 = {instancePath:instancePath+"/translation",schemaPath:"#/$defs/TranslationSettings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema43.type,parentSchema:schema43,data:data27};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data.codecs !== undefined){
let data34 = data.codecs;
if(Array.isArray(data34)){
const len1 = data34.length;
for(let i1=0; i1<len1; i1++){
let data35 = data34[i1];
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.codecName === undefined){
const err74 = {instancePath:instancePath+"/codecs/" + i1,schemaPath:"#/$defs/Codec/required",keyword:"required",params:{missingProperty: "codecName"},message:"must have required property '"+"codecName"+"'",schema:schema44.required,parentSchema:schema44,data:data35};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
for(const key4 in data35){
if(!((((((key4 === "codecName") || (key4 === "codecId")) || (key4 === "allowed")) || (key4 === "relayOnly")) || (key4 === "vad")) || (key4 === "ptime"))){
const err75 = {instancePath:instancePath+"/codecs/" + i1,schemaPath:"#/$defs/Codec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema44,data:data35};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data35.codecName !== undefined){
let data36 = data35.codecName;
if(typeof data36 === "string"){
if(func2(data36) > 50){
const err76 = {instancePath:instancePath+"/codecs/" + i1+"/codecName",schemaPath:"#/$defs/Codec/properties/codecName/maxLength",keyword:"maxLength",params:{limit: 50},message:"must NOT have more than 50 characters",schema:50,parentSchema:schema44.properties.codecName,data:data36};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if(func2(data36) < 1){
const err77 = {instancePath:instancePath+"/codecs/" + i1+"/codecName",schemaPath:"#/$defs/Codec/properties/codecName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema44.properties.codecName,data:data36};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if(!pattern22.test(data36)){
const err78 = {instancePath:instancePath+"/codecs/" + i1+"/codecName",schemaPath:"#/$defs/Codec/properties/codecName/pattern",keyword:"pattern",params:{pattern: "^\\S+$"},message:"must match pattern \""+"^\\S+$"+"\"",schema:"^\\S+$",parentSchema:schema44.properties.codecName,data:data36};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/codecs/" + i1+"/codecName",schemaPath:"#/$defs/Codec/properties/codecName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.codecName.type,parentSchema:schema44.properties.codecName,data:data36};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data35.codecId !== undefined){
let data37 = data35.codecId;
if(typeof data37 === "string"){
if(func2(data37) > 20){
const err80 = {instancePath:instancePath+"/codecs/" + i1+"/codecId",schemaPath:"#/$defs/Codec/properties/codecId/maxLength",keyword:"maxLength",params:{limit: 20},message:"must NOT have more than 20 characters",schema:20,parentSchema:schema44.properties.codecId,data:data37};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
else {
const err81 = {instancePath:instancePath+"/codecs/" + i1+"/codecId",schemaPath:"#/$defs/Codec/properties/codecId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema44.properties.codecId.type,parentSchema:schema44.properties.codecId,data:data37};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data35.allowed !== undefined){
let data38 = data35.allowed;
if(typeof data38 !== "boolean"){
const err82 = {instancePath:instancePath+"/codecs/" + i1+"/allowed",schemaPath:"#/$defs/Codec/properties/allowed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.properties.allowed.type,parentSchema:schema44.properties.allowed,data:data38};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data35.relayOnly !== undefined){
let data39 = data35.relayOnly;
if(typeof data39 !== "boolean"){
const err83 = {instancePath:instancePath+"/codecs/" + i1+"/relayOnly",schemaPath:"#/$defs/Codec/properties/relayOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.properties.relayOnly.type,parentSchema:schema44.properties.relayOnly,data:data39};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data35.vad !== undefined){
let data40 = data35.vad;
if(typeof data40 !== "boolean"){
const err84 = {instancePath:instancePath+"/codecs/" + i1+"/vad",schemaPath:"#/$defs/Codec/properties/vad/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.properties.vad.type,parentSchema:schema44.properties.vad,data:data40};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data35.ptime !== undefined){
let data41 = data35.ptime;
if(!(((typeof data41 == "number") && (!(data41 % 1) && !isNaN(data41))) && (isFinite(data41)))){
const err85 = {instancePath:instancePath+"/codecs/" + i1+"/ptime",schemaPath:"#/$defs/Codec/properties/ptime/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema44.properties.ptime.type,parentSchema:schema44.properties.ptime,data:data41};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if((typeof data41 == "number") && (isFinite(data41))){
if(data41 > 150 || isNaN(data41)){
const err86 = {instancePath:instancePath+"/codecs/" + i1+"/ptime",schemaPath:"#/$defs/Codec/properties/ptime/maximum",keyword:"maximum",params:{comparison: "<=", limit: 150},message:"must be <= 150",schema:150,parentSchema:schema44.properties.ptime,data:data41};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(data41 < 10 || isNaN(data41)){
const err87 = {instancePath:instancePath+"/codecs/" + i1+"/ptime",schemaPath:"#/$defs/Codec/properties/ptime/minimum",keyword:"minimum",params:{comparison: ">=", limit: 10},message:"must be >= 10",schema:10,parentSchema:schema44.properties.ptime,data:data41};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
}
}
else {
const err88 = {instancePath:instancePath+"/codecs/" + i1,schemaPath:"#/$defs/Codec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data35};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
else {
const err89 = {instancePath:instancePath+"/codecs",schemaPath:"#/properties/codecs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.codecs.type,parentSchema:schema40.properties.codecs,data:data34};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data.media !== undefined){
let data42 = data.media;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
for(const key5 in data42){
if(!(((((key5 === "dtmfDetection") || (key5 === "mediaRelay")) || (key5 === "mediaNetwork")) || (key5 === "rtpTimeout")) || (key5 === "rtpTimeoutEnabled"))){
const err90 = {instancePath:instancePath+"/media",schemaPath:"#/$defs/MediaSettings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema45,data:data42};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data42.dtmfDetection !== undefined){
let data43 = data42.dtmfDetection;
if(typeof data43 === "string"){
if(func2(data43) > 100){
const err91 = {instancePath:instancePath+"/media/dtmfDetection",schemaPath:"#/$defs/MediaSettings/properties/dtmfDetection/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema45.properties.dtmfDetection,data:data43};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
else {
const err92 = {instancePath:instancePath+"/media/dtmfDetection",schemaPath:"#/$defs/MediaSettings/properties/dtmfDetection/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.dtmfDetection.type,parentSchema:schema45.properties.dtmfDetection,data:data43};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data42.mediaRelay !== undefined){
let data44 = data42.mediaRelay;
if(typeof data44 === "string"){
if(func2(data44) > 100){
const err93 = {instancePath:instancePath+"/media/mediaRelay",schemaPath:"#/$defs/MediaSettings/properties/mediaRelay/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema45.properties.mediaRelay,data:data44};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
else {
const err94 = {instancePath:instancePath+"/media/mediaRelay",schemaPath:"#/$defs/MediaSettings/properties/mediaRelay/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.mediaRelay.type,parentSchema:schema45.properties.mediaRelay,data:data44};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data42.mediaNetwork !== undefined){
let data45 = data42.mediaNetwork;
if(typeof data45 === "string"){
if(func2(data45) > 100){
const err95 = {instancePath:instancePath+"/media/mediaNetwork",schemaPath:"#/$defs/MediaSettings/properties/mediaNetwork/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema45.properties.mediaNetwork,data:data45};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/media/mediaNetwork",schemaPath:"#/$defs/MediaSettings/properties/mediaNetwork/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.mediaNetwork.type,parentSchema:schema45.properties.mediaNetwork,data:data45};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
if(data42.rtpTimeout !== undefined){
let data46 = data42.rtpTimeout;
if(!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))){
const err97 = {instancePath:instancePath+"/media/rtpTimeout",schemaPath:"#/$defs/MediaSettings/properties/rtpTimeout/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema45.properties.rtpTimeout.type,parentSchema:schema45.properties.rtpTimeout,data:data46};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
if((typeof data46 == "number") && (isFinite(data46))){
if(data46 < 1 || isNaN(data46)){
const err98 = {instancePath:instancePath+"/media/rtpTimeout",schemaPath:"#/$defs/MediaSettings/properties/rtpTimeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema45.properties.rtpTimeout,data:data46};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
if(data42.rtpTimeoutEnabled !== undefined){
let data47 = data42.rtpTimeoutEnabled;
if(typeof data47 !== "boolean"){
const err99 = {instancePath:instancePath+"/media/rtpTimeoutEnabled",schemaPath:"#/$defs/MediaSettings/properties/rtpTimeoutEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema45.properties.rtpTimeoutEnabled.type,parentSchema:schema45.properties.rtpTimeoutEnabled,data:data47};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath:instancePath+"/media",schemaPath:"#/$defs/MediaSettings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data:data42};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data.signalling !== undefined){
let data48 = data.signalling;
if(data48 && typeof data48 == "object" && !Array.isArray(data48)){
for(const key6 in data48){
if(!((((((((key6 === "privacyMethod") || (key6 === "sessionTimerEnabled")) || (key6 === "sessionTimerInterval")) || (key6 === "maxCallDuration")) || (key6 === "maxCallDurationEnabled")) || (key6 === "earlyMediaEnabled")) || (key6 === "100relEnabled")) || (key6 === "releaseCauseMapping"))){
const err101 = {instancePath:instancePath+"/signalling",schemaPath:"#/$defs/SignallingSettings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema46,data:data48};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data48.privacyMethod !== undefined){
let data49 = data48.privacyMethod;
if(typeof data49 === "string"){
if(func2(data49) > 100){
const err102 = {instancePath:instancePath+"/signalling/privacyMethod",schemaPath:"#/$defs/SignallingSettings/properties/privacyMethod/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema46.properties.privacyMethod,data:data49};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
else {
const err103 = {instancePath:instancePath+"/signalling/privacyMethod",schemaPath:"#/$defs/SignallingSettings/properties/privacyMethod/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema46.properties.privacyMethod.type,parentSchema:schema46.properties.privacyMethod,data:data49};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
if(data48.sessionTimerEnabled !== undefined){
let data50 = data48.sessionTimerEnabled;
if(typeof data50 !== "boolean"){
const err104 = {instancePath:instancePath+"/signalling/sessionTimerEnabled",schemaPath:"#/$defs/SignallingSettings/properties/sessionTimerEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema46.properties.sessionTimerEnabled.type,parentSchema:schema46.properties.sessionTimerEnabled,data:data50};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
if(data48.sessionTimerInterval !== undefined){
let data51 = data48.sessionTimerInterval;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err105 = {instancePath:instancePath+"/signalling/sessionTimerInterval",schemaPath:"#/$defs/SignallingSettings/properties/sessionTimerInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.properties.sessionTimerInterval.type,parentSchema:schema46.properties.sessionTimerInterval,data:data51};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 > 86400 || isNaN(data51)){
const err106 = {instancePath:instancePath+"/signalling/sessionTimerInterval",schemaPath:"#/$defs/SignallingSettings/properties/sessionTimerInterval/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400",schema:86400,parentSchema:schema46.properties.sessionTimerInterval,data:data51};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
if(data51 < 90 || isNaN(data51)){
const err107 = {instancePath:instancePath+"/signalling/sessionTimerInterval",schemaPath:"#/$defs/SignallingSettings/properties/sessionTimerInterval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 90},message:"must be >= 90",schema:90,parentSchema:schema46.properties.sessionTimerInterval,data:data51};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
}
}
if(data48.maxCallDuration !== undefined){
let data52 = data48.maxCallDuration;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
const err108 = {instancePath:instancePath+"/signalling/maxCallDuration",schemaPath:"#/$defs/SignallingSettings/properties/maxCallDuration/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.properties.maxCallDuration.type,parentSchema:schema46.properties.maxCallDuration,data:data52};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 < 1 || isNaN(data52)){
const err109 = {instancePath:instancePath+"/signalling/maxCallDuration",schemaPath:"#/$defs/SignallingSettings/properties/maxCallDuration/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema46.properties.maxCallDuration,data:data52};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
}
if(data48.maxCallDurationEnabled !== undefined){
let data53 = data48.maxCallDurationEnabled;
if(typeof data53 !== "boolean"){
const err110 = {instancePath:instancePath+"/signalling/maxCallDurationEnabled",schemaPath:"#/$defs/SignallingSettings/properties/maxCallDurationEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema46.properties.maxCallDurationEnabled.type,parentSchema:schema46.properties.maxCallDurationEnabled,data:data53};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data48.earlyMediaEnabled !== undefined){
let data54 = data48.earlyMediaEnabled;
if(typeof data54 !== "boolean"){
const err111 = {instancePath:instancePath+"/signalling/earlyMediaEnabled",schemaPath:"#/$defs/SignallingSettings/properties/earlyMediaEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema46.properties.earlyMediaEnabled.type,parentSchema:schema46.properties.earlyMediaEnabled,data:data54};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
}
if(data48["100relEnabled"] !== undefined){
let data55 = data48["100relEnabled"];
if(typeof data55 !== "boolean"){
const err112 = {instancePath:instancePath+"/signalling/100relEnabled",schemaPath:"#/$defs/SignallingSettings/properties/100relEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema46.properties["100relEnabled"].type,parentSchema:schema46.properties["100relEnabled"],data:data55};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
if(data48.releaseCauseMapping !== undefined){
let data56 = data48.releaseCauseMapping;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
for(const key7 in data56){
const _errs132 = errors;
if(typeof key7 === "string"){
if(!pattern23.test(key7)){
const err113 = {instancePath:instancePath+"/signalling/releaseCauseMapping",schemaPath:"#/$defs/SignallingSettings/properties/releaseCauseMapping/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[1-6][0-9]{2}$"},message:"must match pattern \""+"^[1-6][0-9]{2}$"+"\"",schema:"^[1-6][0-9]{2}$",parentSchema:schema46.properties.releaseCauseMapping.propertyNames,data:key7,propertyName:key7};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
var valid20 = _errs132 === errors;
if(!valid20){
const err114 = {instancePath:instancePath+"/signalling/releaseCauseMapping",schemaPath:"#/$defs/SignallingSettings/properties/releaseCauseMapping/propertyNames",keyword:"propertyNames",params:{propertyName: key7},message:"property name must be valid",schema:schema46.properties.releaseCauseMapping.propertyNames,parentSchema:schema46.properties.releaseCauseMapping,data:data56};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
for(const key8 in data56){
let data57 = data56[key8];
if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){
const err115 = {instancePath:instancePath+"/signalling/releaseCauseMapping/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignallingSettings/properties/releaseCauseMapping/additionalProperties/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.properties.releaseCauseMapping.additionalProperties.type,parentSchema:schema46.properties.releaseCauseMapping.additionalProperties,data:data57};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
if((typeof data57 == "number") && (isFinite(data57))){
if(data57 > 127 || isNaN(data57)){
const err116 = {instancePath:instancePath+"/signalling/releaseCauseMapping/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignallingSettings/properties/releaseCauseMapping/additionalProperties/maximum",keyword:"maximum",params:{comparison: "<=", limit: 127},message:"must be <= 127",schema:127,parentSchema:schema46.properties.releaseCauseMapping.additionalProperties,data:data57};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
if(data57 < 1 || isNaN(data57)){
const err117 = {instancePath:instancePath+"/signalling/releaseCauseMapping/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/SignallingSettings/properties/releaseCauseMapping/additionalProperties/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema46.properties.releaseCauseMapping.additionalProperties,data:data57};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
}
}
}
else {
const err118 = {instancePath:instancePath+"/signalling/releaseCauseMapping",schemaPath:"#/$defs/SignallingSettings/properties/releaseCauseMapping/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.properties.releaseCauseMapping.type,parentSchema:schema46.properties.releaseCauseMapping,data:data56};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
}
else {
const err119 = {instancePath:instancePath+"/signalling",schemaPath:"#/$defs/SignallingSettings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema46.type,parentSchema:schema46,data:data48};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
}
else {
const err120 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const RatingPlan = validate27;
const schema47 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"RatingPlan","description":"A customer rating plan: the rate deck (price per minute by dialled prefix) and the rules applied when rating calls. Stored in customer_rating_plans, its rates in customer_rating_plan_rates. Identified by name; DIDTron assigns its shortCode (P1, P2, ...). The rates come from exactly one place: an inline `rates` list or a CSV named by `ratesFile`.","type":"object","additionalProperties":false,"required":["kind","name","currency"],"oneOf":[{"required":["rates"]},{"required":["ratesFile"]}],"properties":{"kind":{"const":"RatingPlan","description":"Always `RatingPlan`."},"name":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S(.*\\S)?$","description":"Unique name of the plan (e.g. `UK Wholesale`); services name their plan by it. No blanks at either end."},"currency":{"type":"string","pattern":"^[A-Z]{3}$","description":"ISO 4217 code (e.g. `GBP`) of the currency the rates are in. Stored as text."},"timeZone":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$","description":"IANA time zone (e.g. `Europe/London`, `UTC`) in which the plan's time classes (peak, off-peak, weekend) and effective dates are read."},"carrierTimeZone":{"type":"string","pattern":"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$","description":"IANA time zone of the carrier, used when its own time classes apply."},"defaultRates":{"type":"string","maxLength":100,"description":"What happens to calls to a prefix with no rate (e.g. `block`)."},"marginEnforcement":{"type":"string","maxLength":100,"description":"How minMargin is applied when routing (e.g. `enforce` refuses routes below the margin, `warn` only reports them)."},"minMargin":{"type":["string","number"],"x-decimal":{"precision":9,"scale":4,"minimum":"0"},"description":"Smallest margin per minute between this sell rate and the route's buy rate, in the plan's currency. Decimal, 0 or more, up to 5 digits before the point and 4 after."},"effectiveDate":{"type":"string","format":"date-time","description":"When the plan takes effect, as an ISO 8601 timestamp with zone (e.g. `2025-01-01T00:00:00Z`)."},"initialInterval":{"type":"integer","minimum":1,"description":"Default first billing increment in seconds (e.g. 60 for per-minute, 1 for per-second), used by rates without their own."},"recurringInterval":{"type":"integer","minimum":1,"description":"Default following billing increment in seconds, used by rates without their own."},"periodExceptionTemplate":{"type":"string","maxLength":200,"description":"Name of the DIDTron calendar of exception days (e.g. bank holidays) rated as off-peak."},"template":{"type":"string","maxLength":200,"description":"Name of the DIDTron plan template the plan was made from."},"selectedTimeClasses":{"type":"array","items":{"type":"string","minLength":1,"description":"A time class name."},"uniqueItems":true,"description":"Time classes the plan rates separately (e.g. `Peak`, `OffPeak`, `Weekend`). Stored as JSON."},"selectedZones":{"type":"array","items":{"type":"string","minLength":1,"description":"A zone name."},"uniqueItems":true,"description":"Destination zones the plan covers when zonesSelect is `selected`. Stored as JSON."},"zonesSelect":{"type":"string","maxLength":100,"description":"Which zones the plan covers (e.g. `all`, `selected`)."},"assignOrigin":{"type":"string","maxLength":100,"description":"Which call origins the plan may be assigned to (e.g. `any`)."},"rates":{"type":"array","items":{"$ref":"#/$defs/Rate"},"description":"The rate deck written inline, for small plans. A rate is identified by prefix and effectiveDate. Use ratesFile for large decks."},"ratesFile":{"type":"string","minLength":1,"maxLength":1024,"description":"Path of the CSV holding the rate deck, relative to this YAML file and inside the config root (e.g. `rates/uk-wholesale.csv`). Header row required; columns as in Rate: prefix, destination, rate (required), connectionFee, initialInterval, recurringInterval, effectiveDate, endDate (optional). Errors name the CSV line."}},"$defs":{"Rate":{"title":"Rate","description":"One rate of the deck (a row of customer_rating_plan_rates, or a CSV row with these column names), identified inside its plan by prefix and effectiveDate.","type":"object","additionalProperties":false,"required":["prefix","destination","rate"],"properties":{"prefix":{"type":"string","pattern":"^[0-9]{1,16}$","description":"Dialled-number prefix the rate applies to, 1 to 16 digits, longest match wins (e.g. `44` United Kingdom, `447` UK mobile). Quote it in YAML (`\"0044\"`) so leading zeros are kept. CSV column `prefix`, required."},"destination":{"type":"string","maxLength":200,"pattern":"\\S","description":"Name of the destination shown on invoices and CDRs (e.g. `United Kingdom - Mobile`). CSV column `destination`, required."},"rate":{"type":["string","number"],"x-decimal":{"precision":12,"scale":6,"minimum":"0"},"description":"Price per minute in the plan's currency. Decimal, 0 or more, up to 6 digits before the point and 6 after. CSV column `rate`, required."},"connectionFee":{"type":["string","number"],"x-decimal":{"precision":12,"scale":6,"minimum":"0"},"description":"Fixed charge per answered call in the plan's currency. Decimal, 0 or more, at most 6 places. CSV column `connectionFee`, optional."},"initialInterval":{"type":"integer","minimum":1,"description":"First billing increment in seconds (e.g. 60, 6, 1); the plan's initialInterval when absent. CSV column `initialInterval`, optional."},"recurringInterval":{"type":"integer","minimum":1,"description":"Following billing increment in seconds; the plan's recurringInterval when absent. CSV column `recurringInterval`, optional."},"effectiveDate":{"type":"string","format":"date","description":"First day the rate applies (YYYY-MM-DD, in the plan's timeZone); applies from the start when absent. A rate increase must be dated at least rateIncreaseNoticeDays ahead. CSV column `effectiveDate`, optional."},"endDate":{"type":"string","format":"date","description":"Day the rate stops applying (YYYY-MM-DD), after effectiveDate; open-ended when absent. CSV column `endDate`, optional."}}}}};
const schema48 = {"title":"Rate","description":"One rate of the deck (a row of customer_rating_plan_rates, or a CSV row with these column names), identified inside its plan by prefix and effectiveDate.","type":"object","additionalProperties":false,"required":["prefix","destination","rate"],"properties":{"prefix":{"type":"string","pattern":"^[0-9]{1,16}$","description":"Dialled-number prefix the rate applies to, 1 to 16 digits, longest match wins (e.g. `44` United Kingdom, `447` UK mobile). Quote it in YAML (`\"0044\"`) so leading zeros are kept. CSV column `prefix`, required."},"destination":{"type":"string","maxLength":200,"pattern":"\\S","description":"Name of the destination shown on invoices and CDRs (e.g. `United Kingdom - Mobile`). CSV column `destination`, required."},"rate":{"type":["string","number"],"x-decimal":{"precision":12,"scale":6,"minimum":"0"},"description":"Price per minute in the plan's currency. Decimal, 0 or more, up to 6 digits before the point and 6 after. CSV column `rate`, required."},"connectionFee":{"type":["string","number"],"x-decimal":{"precision":12,"scale":6,"minimum":"0"},"description":"Fixed charge per answered call in the plan's currency. Decimal, 0 or more, at most 6 places. CSV column `connectionFee`, optional."},"initialInterval":{"type":"integer","minimum":1,"description":"First billing increment in seconds (e.g. 60, 6, 1); the plan's initialInterval when absent. CSV column `initialInterval`, optional."},"recurringInterval":{"type":"integer","minimum":1,"description":"Following billing increment in seconds; the plan's recurringInterval when absent. CSV column `recurringInterval`, optional."},"effectiveDate":{"type":"string","format":"date","description":"First day the rate applies (YYYY-MM-DD, in the plan's timeZone); applies from the start when absent. A rate increase must be dated at least rateIncreaseNoticeDays ahead. CSV column `effectiveDate`, optional."},"endDate":{"type":"string","format":"date","description":"Day the rate stops applying (YYYY-MM-DD), after effectiveDate; open-ended when absent. CSV column `endDate`, optional."}}};
const pattern26 = new RegExp("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$", "u");
const pattern28 = new RegExp("^[0-9]{1,16}$", "u");
const pattern29 = new RegExp("\\S", "u");
const formats16 = runtime1.FORMATS["date-time"];
const formats18 = runtime1.FORMATS.date;

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.rates === undefined){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "rates"},message:"must have required property '"+"rates"+"'",schema:schema47.oneOf[0].required,parentSchema:schema47.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ratesFile === undefined){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "ratesFile"},message:"must have required property '"+"ratesFile"+"'",schema:schema47.oneOf[1].required,parentSchema:schema47.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema47.oneOf,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.name === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.currency === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "currency"},message:"must have required property '"+"currency"+"'",schema:schema47.required,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema47.properties, key0))){
const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("RatingPlan" !== data0){
const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "RatingPlan"},message:"must be equal to constant",schema:"RatingPlan",parentSchema:schema47.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func2(data1) > 200){
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema47.properties.name,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(func2(data1) < 1){
const err9 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema47.properties.name,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!pattern7.test(data1)){
const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^\\S(.*\\S)?$"},message:"must match pattern \""+"^\\S(.*\\S)?$"+"\"",schema:"^\\S(.*\\S)?$",parentSchema:schema47.properties.name,data:data1};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.name.type,parentSchema:schema47.properties.name,data:data1};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.currency !== undefined){
let data2 = data.currency;
if(typeof data2 === "string"){
if(!pattern13.test(data2)){
const err12 = {instancePath:instancePath+"/currency",schemaPath:"#/properties/currency/pattern",keyword:"pattern",params:{pattern: "^[A-Z]{3}$"},message:"must match pattern \""+"^[A-Z]{3}$"+"\"",schema:"^[A-Z]{3}$",parentSchema:schema47.properties.currency,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/currency",schemaPath:"#/properties/currency/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.currency.type,parentSchema:schema47.properties.currency,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.timeZone !== undefined){
let data3 = data.timeZone;
if(typeof data3 === "string"){
if(!pattern26.test(data3)){
const err14 = {instancePath:instancePath+"/timeZone",schemaPath:"#/properties/timeZone/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$",parentSchema:schema47.properties.timeZone,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/timeZone",schemaPath:"#/properties/timeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.timeZone.type,parentSchema:schema47.properties.timeZone,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.carrierTimeZone !== undefined){
let data4 = data.carrierTimeZone;
if(typeof data4 === "string"){
if(!pattern26.test(data4)){
const err16 = {instancePath:instancePath+"/carrierTimeZone",schemaPath:"#/properties/carrierTimeZone/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$"},message:"must match pattern \""+"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$"+"\"",schema:"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$",parentSchema:schema47.properties.carrierTimeZone,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/carrierTimeZone",schemaPath:"#/properties/carrierTimeZone/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.carrierTimeZone.type,parentSchema:schema47.properties.carrierTimeZone,data:data4};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.defaultRates !== undefined){
let data5 = data.defaultRates;
if(typeof data5 === "string"){
if(func2(data5) > 100){
const err18 = {instancePath:instancePath+"/defaultRates",schemaPath:"#/properties/defaultRates/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema47.properties.defaultRates,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/defaultRates",schemaPath:"#/properties/defaultRates/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.defaultRates.type,parentSchema:schema47.properties.defaultRates,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.marginEnforcement !== undefined){
let data6 = data.marginEnforcement;
if(typeof data6 === "string"){
if(func2(data6) > 100){
const err20 = {instancePath:instancePath+"/marginEnforcement",schemaPath:"#/properties/marginEnforcement/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema47.properties.marginEnforcement,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/marginEnforcement",schemaPath:"#/properties/marginEnforcement/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.marginEnforcement.type,parentSchema:schema47.properties.marginEnforcement,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.minMargin !== undefined){
let data7 = data.minMargin;
if((typeof data7 !== "string") && (!((typeof data7 == "number") && (isFinite(data7))))){
const err22 = {instancePath:instancePath+"/minMargin",schemaPath:"#/properties/minMargin/type",keyword:"type",params:{type: schema47.properties.minMargin.type},message:"must be string,number",schema:schema47.properties.minMargin.type,parentSchema:schema47.properties.minMargin,data:data7};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
const problem0 = func12(schema47.properties.minMargin["x-decimal"], data7);
if(problem0 !== undefined){
const err23 = {instancePath:instancePath+"/minMargin",schemaPath:"#/properties/minMargin/x-decimal",keyword:"x-decimal",params:{precision: schema47.properties.minMargin["x-decimal"].precision, scale: schema47.properties.minMargin["x-decimal"].scale},message:problem0,schema:schema47.properties.minMargin["x-decimal"],parentSchema:schema47.properties.minMargin,data:data7};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.effectiveDate !== undefined){
let data8 = data.effectiveDate;
if(typeof data8 === "string"){
if(!(formats16.validate(data8))){
const err24 = {instancePath:instancePath+"/effectiveDate",schemaPath:"#/properties/effectiveDate/format",keyword:"format",params:{format: "date-time"},message:"must match format \""+"date-time"+"\"",schema:"date-time",parentSchema:schema47.properties.effectiveDate,data:data8};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
else {
const err25 = {instancePath:instancePath+"/effectiveDate",schemaPath:"#/properties/effectiveDate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.effectiveDate.type,parentSchema:schema47.properties.effectiveDate,data:data8};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.initialInterval !== undefined){
let data9 = data.initialInterval;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err26 = {instancePath:instancePath+"/initialInterval",schemaPath:"#/properties/initialInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.properties.initialInterval.type,parentSchema:schema47.properties.initialInterval,data:data9};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 1 || isNaN(data9)){
const err27 = {instancePath:instancePath+"/initialInterval",schemaPath:"#/properties/initialInterval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47.properties.initialInterval,data:data9};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
if(data.recurringInterval !== undefined){
let data10 = data.recurringInterval;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err28 = {instancePath:instancePath+"/recurringInterval",schemaPath:"#/properties/recurringInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema47.properties.recurringInterval.type,parentSchema:schema47.properties.recurringInterval,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 1 || isNaN(data10)){
const err29 = {instancePath:instancePath+"/recurringInterval",schemaPath:"#/properties/recurringInterval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema47.properties.recurringInterval,data:data10};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
if(data.periodExceptionTemplate !== undefined){
let data11 = data.periodExceptionTemplate;
if(typeof data11 === "string"){
if(func2(data11) > 200){
const err30 = {instancePath:instancePath+"/periodExceptionTemplate",schemaPath:"#/properties/periodExceptionTemplate/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema47.properties.periodExceptionTemplate,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/periodExceptionTemplate",schemaPath:"#/properties/periodExceptionTemplate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.periodExceptionTemplate.type,parentSchema:schema47.properties.periodExceptionTemplate,data:data11};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.template !== undefined){
let data12 = data.template;
if(typeof data12 === "string"){
if(func2(data12) > 200){
const err32 = {instancePath:instancePath+"/template",schemaPath:"#/properties/template/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema47.properties.template,data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/template",schemaPath:"#/properties/template/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.template.type,parentSchema:schema47.properties.template,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.selectedTimeClasses !== undefined){
let data13 = data.selectedTimeClasses;
if(Array.isArray(data13)){
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
let data14 = data13[i0];
if(typeof data14 === "string"){
if(func2(data14) < 1){
const err34 = {instancePath:instancePath+"/selectedTimeClasses/" + i0,schemaPath:"#/properties/selectedTimeClasses/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema47.properties.selectedTimeClasses.items,data:data14};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/selectedTimeClasses/" + i0,schemaPath:"#/properties/selectedTimeClasses/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.selectedTimeClasses.items.type,parentSchema:schema47.properties.selectedTimeClasses.items,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
let i1 = data13.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data13[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err36 = {instancePath:instancePath+"/selectedTimeClasses",schemaPath:"#/properties/selectedTimeClasses/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema47.properties.selectedTimeClasses,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err37 = {instancePath:instancePath+"/selectedTimeClasses",schemaPath:"#/properties/selectedTimeClasses/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema47.properties.selectedTimeClasses.type,parentSchema:schema47.properties.selectedTimeClasses,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data.selectedZones !== undefined){
let data15 = data.selectedZones;
if(Array.isArray(data15)){
const len1 = data15.length;
for(let i2=0; i2<len1; i2++){
let data16 = data15[i2];
if(typeof data16 === "string"){
if(func2(data16) < 1){
const err38 = {instancePath:instancePath+"/selectedZones/" + i2,schemaPath:"#/properties/selectedZones/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema47.properties.selectedZones.items,data:data16};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/selectedZones/" + i2,schemaPath:"#/properties/selectedZones/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.selectedZones.items.type,parentSchema:schema47.properties.selectedZones.items,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
let i3 = data15.length;
let j1;
if(i3 > 1){
const indices1 = {};
for(;i3--;){
let item1 = data15[i3];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err40 = {instancePath:instancePath+"/selectedZones",schemaPath:"#/properties/selectedZones/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema47.properties.selectedZones,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
break;
}
indices1[item1] = i3;
}
}
}
else {
const err41 = {instancePath:instancePath+"/selectedZones",schemaPath:"#/properties/selectedZones/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema47.properties.selectedZones.type,parentSchema:schema47.properties.selectedZones,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data.zonesSelect !== undefined){
let data17 = data.zonesSelect;
if(typeof data17 === "string"){
if(func2(data17) > 100){
const err42 = {instancePath:instancePath+"/zonesSelect",schemaPath:"#/properties/zonesSelect/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema47.properties.zonesSelect,data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/zonesSelect",schemaPath:"#/properties/zonesSelect/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.zonesSelect.type,parentSchema:schema47.properties.zonesSelect,data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data.assignOrigin !== undefined){
let data18 = data.assignOrigin;
if(typeof data18 === "string"){
if(func2(data18) > 100){
const err44 = {instancePath:instancePath+"/assignOrigin",schemaPath:"#/properties/assignOrigin/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema47.properties.assignOrigin,data:data18};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/assignOrigin",schemaPath:"#/properties/assignOrigin/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.assignOrigin.type,parentSchema:schema47.properties.assignOrigin,data:data18};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.rates !== undefined){
let data19 = data.rates;
if(Array.isArray(data19)){
const len2 = data19.length;
for(let i4=0; i4<len2; i4++){
let data20 = data19[i4];
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
if(data20.prefix === undefined){
const err46 = {instancePath:instancePath+"/rates/" + i4,schemaPath:"#/$defs/Rate/required",keyword:"required",params:{missingProperty: "prefix"},message:"must have required property '"+"prefix"+"'",schema:schema48.required,parentSchema:schema48,data:data20};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(data20.destination === undefined){
const err47 = {instancePath:instancePath+"/rates/" + i4,schemaPath:"#/$defs/Rate/required",keyword:"required",params:{missingProperty: "destination"},message:"must have required property '"+"destination"+"'",schema:schema48.required,parentSchema:schema48,data:data20};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
if(data20.rate === undefined){
const err48 = {instancePath:instancePath+"/rates/" + i4,schemaPath:"#/$defs/Rate/required",keyword:"required",params:{missingProperty: "rate"},message:"must have required property '"+"rate"+"'",schema:schema48.required,parentSchema:schema48,data:data20};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
for(const key1 in data20){
if(!((((((((key1 === "prefix") || (key1 === "destination")) || (key1 === "rate")) || (key1 === "connectionFee")) || (key1 === "initialInterval")) || (key1 === "recurringInterval")) || (key1 === "effectiveDate")) || (key1 === "endDate"))){
const err49 = {instancePath:instancePath+"/rates/" + i4,schemaPath:"#/$defs/Rate/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema48,data:data20};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data20.prefix !== undefined){
let data21 = data20.prefix;
if(typeof data21 === "string"){
if(!pattern28.test(data21)){
const err50 = {instancePath:instancePath+"/rates/" + i4+"/prefix",schemaPath:"#/$defs/Rate/properties/prefix/pattern",keyword:"pattern",params:{pattern: "^[0-9]{1,16}$"},message:"must match pattern \""+"^[0-9]{1,16}$"+"\"",schema:"^[0-9]{1,16}$",parentSchema:schema48.properties.prefix,data:data21};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/rates/" + i4+"/prefix",schemaPath:"#/$defs/Rate/properties/prefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.prefix.type,parentSchema:schema48.properties.prefix,data:data21};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data20.destination !== undefined){
let data22 = data20.destination;
if(typeof data22 === "string"){
if(func2(data22) > 200){
const err52 = {instancePath:instancePath+"/rates/" + i4+"/destination",schemaPath:"#/$defs/Rate/properties/destination/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema48.properties.destination,data:data22};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(!pattern29.test(data22)){
const err53 = {instancePath:instancePath+"/rates/" + i4+"/destination",schemaPath:"#/$defs/Rate/properties/destination/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema48.properties.destination,data:data22};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
else {
const err54 = {instancePath:instancePath+"/rates/" + i4+"/destination",schemaPath:"#/$defs/Rate/properties/destination/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.destination.type,parentSchema:schema48.properties.destination,data:data22};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data20.rate !== undefined){
let data23 = data20.rate;
if((typeof data23 !== "string") && (!((typeof data23 == "number") && (isFinite(data23))))){
const err55 = {instancePath:instancePath+"/rates/" + i4+"/rate",schemaPath:"#/$defs/Rate/properties/rate/type",keyword:"type",params:{type: schema48.properties.rate.type},message:"must be string,number",schema:schema48.properties.rate.type,parentSchema:schema48.properties.rate,data:data23};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
const problem1 = func12(schema48.properties.rate["x-decimal"], data23);
if(problem1 !== undefined){
const err56 = {instancePath:instancePath+"/rates/" + i4+"/rate",schemaPath:"#/$defs/Rate/properties/rate/x-decimal",keyword:"x-decimal",params:{precision: schema48.properties.rate["x-decimal"].precision, scale: schema48.properties.rate["x-decimal"].scale},message:problem1,schema:schema48.properties.rate["x-decimal"],parentSchema:schema48.properties.rate,data:data23};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data20.connectionFee !== undefined){
let data24 = data20.connectionFee;
if((typeof data24 !== "string") && (!((typeof data24 == "number") && (isFinite(data24))))){
const err57 = {instancePath:instancePath+"/rates/" + i4+"/connectionFee",schemaPath:"#/$defs/Rate/properties/connectionFee/type",keyword:"type",params:{type: schema48.properties.connectionFee.type},message:"must be string,number",schema:schema48.properties.connectionFee.type,parentSchema:schema48.properties.connectionFee,data:data24};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
const problem2 = func12(schema48.properties.connectionFee["x-decimal"], data24);
if(problem2 !== undefined){
const err58 = {instancePath:instancePath+"/rates/" + i4+"/connectionFee",schemaPath:"#/$defs/Rate/properties/connectionFee/x-decimal",keyword:"x-decimal",params:{precision: schema48.properties.connectionFee["x-decimal"].precision, scale: schema48.properties.connectionFee["x-decimal"].scale},message:problem2,schema:schema48.properties.connectionFee["x-decimal"],parentSchema:schema48.properties.connectionFee,data:data24};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data20.initialInterval !== undefined){
let data25 = data20.initialInterval;
if(!(((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25))) && (isFinite(data25)))){
const err59 = {instancePath:instancePath+"/rates/" + i4+"/initialInterval",schemaPath:"#/$defs/Rate/properties/initialInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.properties.initialInterval.type,parentSchema:schema48.properties.initialInterval,data:data25};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if((typeof data25 == "number") && (isFinite(data25))){
if(data25 < 1 || isNaN(data25)){
const err60 = {instancePath:instancePath+"/rates/" + i4+"/initialInterval",schemaPath:"#/$defs/Rate/properties/initialInterval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema48.properties.initialInterval,data:data25};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
}
if(data20.recurringInterval !== undefined){
let data26 = data20.recurringInterval;
if(!(((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26))) && (isFinite(data26)))){
const err61 = {instancePath:instancePath+"/rates/" + i4+"/recurringInterval",schemaPath:"#/$defs/Rate/properties/recurringInterval/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema48.properties.recurringInterval.type,parentSchema:schema48.properties.recurringInterval,data:data26};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if((typeof data26 == "number") && (isFinite(data26))){
if(data26 < 1 || isNaN(data26)){
const err62 = {instancePath:instancePath+"/rates/" + i4+"/recurringInterval",schemaPath:"#/$defs/Rate/properties/recurringInterval/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema48.properties.recurringInterval,data:data26};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
if(data20.effectiveDate !== undefined){
let data27 = data20.effectiveDate;
if(typeof data27 === "string"){
if(!(formats18.validate(data27))){
const err63 = {instancePath:instancePath+"/rates/" + i4+"/effectiveDate",schemaPath:"#/$defs/Rate/properties/effectiveDate/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema48.properties.effectiveDate,data:data27};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
else {
const err64 = {instancePath:instancePath+"/rates/" + i4+"/effectiveDate",schemaPath:"#/$defs/Rate/properties/effectiveDate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.effectiveDate.type,parentSchema:schema48.properties.effectiveDate,data:data27};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data20.endDate !== undefined){
let data28 = data20.endDate;
if(typeof data28 === "string"){
if(!(formats18.validate(data28))){
const err65 = {instancePath:instancePath+"/rates/" + i4+"/endDate",schemaPath:"#/$defs/Rate/properties/endDate/format",keyword:"format",params:{format: "date"},message:"must match format \""+"date"+"\"",schema:"date",parentSchema:schema48.properties.endDate,data:data28};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
else {
const err66 = {instancePath:instancePath+"/rates/" + i4+"/endDate",schemaPath:"#/$defs/Rate/properties/endDate/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.endDate.type,parentSchema:schema48.properties.endDate,data:data28};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/rates/" + i4,schemaPath:"#/$defs/Rate/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema48.type,parentSchema:schema48,data:data20};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/rates",schemaPath:"#/properties/rates/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema47.properties.rates.type,parentSchema:schema47.properties.rates,data:data19};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.ratesFile !== undefined){
let data29 = data.ratesFile;
if(typeof data29 === "string"){
if(func2(data29) > 1024){
const err69 = {instancePath:instancePath+"/ratesFile",schemaPath:"#/properties/ratesFile/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema47.properties.ratesFile,data:data29};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(func2(data29) < 1){
const err70 = {instancePath:instancePath+"/ratesFile",schemaPath:"#/properties/ratesFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema47.properties.ratesFile,data:data29};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
else {
const err71 = {instancePath:instancePath+"/ratesFile",schemaPath:"#/properties/ratesFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema47.properties.ratesFile.type,parentSchema:schema47.properties.ratesFile,data:data29};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
else {
const err72 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema47.type,parentSchema:schema47,data};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Service = validate28;
const schema49 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Service","description":"The link from an interconnect to a rating plan and a routing plan: which calls of one direction on the trunk are rated how and routed where. Stored in carrier_services; identified by carrier and name (`ACME/uk-termination`); DIDTron assigns its shortCode (S1, S2, ...).","type":"object","additionalProperties":false,"required":["kind","carrier","name","interconnect","direction","ratingPlan"],"properties":{"kind":{"const":"Service","description":"Always `Service`."},"carrier":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$","description":"Code of the carrier this service belongs to; stored as the carrier's id in carrier_id."},"name":{"type":"string","minLength":1,"maxLength":100,"pattern":"^[^/\\s]([^/]*[^/\\s])?$","description":"Name of the service, unique within its carrier (e.g. `uk-termination`). No `/` and no blanks at either end."},"interconnect":{"type":"string","minLength":1,"maxLength":100,"pattern":"^[^/\\s]([^/]*[^/\\s])?$","description":"Name of an interconnect of the same carrier that carries the service's calls; its direction must include the service's direction. Stored as its id in interconnect_id."},"direction":{"enum":["ingress","egress"],"description":"`ingress`: calls the carrier sends us (we rate them as sales); `egress`: calls we send the carrier (termination we buy)."},"status":{"enum":["active","paused","disabled","testing"],"default":"active","description":"Operational state: `active` passes traffic, `paused` stops new calls temporarily, `disabled` stops all traffic, `testing` passes only test calls."},"ratingPlan":{"type":"string","minLength":1,"maxLength":200,"pattern":"^\\S(.*\\S)?$","description":"Name of the rating plan that prices the service's calls (e.g. `UK Wholesale`); stored as its id in rating_plan_id."},"routingPlan":{"type":"string","minLength":1,"maxLength":100,"x-column":"routing_plan_id","description":"Identifier of the DIDTron routing plan used for the service's calls (e.g. `RP-UK`). Free text, stored as written in routing_plan_id."},"techPrefix":{"type":"string","pattern":"^\\S{1,32}$","description":"Technical prefix selecting this service on its interconnect (no blanks, at most 32 characters)."},"priority":{"type":"integer","minimum":0,"description":"Route preference among services: lower is tried first (0 or more)."},"weight":{"type":"integer","minimum":0,"description":"Share of traffic among services of equal priority (0 or more; 0 takes none)."},"capacityMode":{"enum":["unrestricted","capped"],"default":"unrestricted","description":"Whether concurrent calls of this service are limited: `unrestricted`, or `capped` at capacityLimit."},"capacityLimit":{"type":"integer","minimum":1,"description":"Most concurrent calls of this service when capacityMode is `capped` (required then)."},"enforcementPolicy":{"type":"string","maxLength":100,"description":"What happens to calls over the capacity limit (e.g. `reject`, `queue`)."}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.carrier === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "carrier"},message:"must have required property '"+"carrier"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.name === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.interconnect === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "interconnect"},message:"must have required property '"+"interconnect"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.direction === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "direction"},message:"must have required property '"+"direction"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data.ratingPlan === undefined){
const err5 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ratingPlan"},message:"must have required property '"+"ratingPlan"+"'",schema:schema49.required,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema49.properties, key0))){
const err6 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("Service" !== data0){
const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Service"},message:"must be equal to constant",schema:"Service",parentSchema:schema49.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.carrier !== undefined){
let data1 = data.carrier;
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err8 = {instancePath:instancePath+"/carrier",schemaPath:"#/properties/carrier/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$",parentSchema:schema49.properties.carrier,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/carrier",schemaPath:"#/properties/carrier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.carrier.type,parentSchema:schema49.properties.carrier,data:data1};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.name !== undefined){
let data2 = data.name;
if(typeof data2 === "string"){
if(func2(data2) > 100){
const err10 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema49.properties.name,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(func2(data2) < 1){
const err11 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.name,data:data2};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(!pattern18.test(data2)){
const err12 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[^/\\s]([^/]*[^/\\s])?$"},message:"must match pattern \""+"^[^/\\s]([^/]*[^/\\s])?$"+"\"",schema:"^[^/\\s]([^/]*[^/\\s])?$",parentSchema:schema49.properties.name,data:data2};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.name.type,parentSchema:schema49.properties.name,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.interconnect !== undefined){
let data3 = data.interconnect;
if(typeof data3 === "string"){
if(func2(data3) > 100){
const err14 = {instancePath:instancePath+"/interconnect",schemaPath:"#/properties/interconnect/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema49.properties.interconnect,data:data3};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(func2(data3) < 1){
const err15 = {instancePath:instancePath+"/interconnect",schemaPath:"#/properties/interconnect/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.interconnect,data:data3};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!pattern18.test(data3)){
const err16 = {instancePath:instancePath+"/interconnect",schemaPath:"#/properties/interconnect/pattern",keyword:"pattern",params:{pattern: "^[^/\\s]([^/]*[^/\\s])?$"},message:"must match pattern \""+"^[^/\\s]([^/]*[^/\\s])?$"+"\"",schema:"^[^/\\s]([^/]*[^/\\s])?$",parentSchema:schema49.properties.interconnect,data:data3};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/interconnect",schemaPath:"#/properties/interconnect/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.interconnect.type,parentSchema:schema49.properties.interconnect,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.direction !== undefined){
let data4 = data.direction;
if(!((data4 === "ingress") || (data4 === "egress"))){
const err18 = {instancePath:instancePath+"/direction",schemaPath:"#/properties/direction/enum",keyword:"enum",params:{allowedValues: schema49.properties.direction.enum},message:"must be equal to one of the allowed values",schema:schema49.properties.direction.enum,parentSchema:schema49.properties.direction,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.status !== undefined){
let data5 = data.status;
if(!((((data5 === "active") || (data5 === "paused")) || (data5 === "disabled")) || (data5 === "testing"))){
const err19 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema49.properties.status.enum},message:"must be equal to one of the allowed values",schema:schema49.properties.status.enum,parentSchema:schema49.properties.status,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.ratingPlan !== undefined){
let data6 = data.ratingPlan;
if(typeof data6 === "string"){
if(func2(data6) > 200){
const err20 = {instancePath:instancePath+"/ratingPlan",schemaPath:"#/properties/ratingPlan/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema49.properties.ratingPlan,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(func2(data6) < 1){
const err21 = {instancePath:instancePath+"/ratingPlan",schemaPath:"#/properties/ratingPlan/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.ratingPlan,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
if(!pattern7.test(data6)){
const err22 = {instancePath:instancePath+"/ratingPlan",schemaPath:"#/properties/ratingPlan/pattern",keyword:"pattern",params:{pattern: "^\\S(.*\\S)?$"},message:"must match pattern \""+"^\\S(.*\\S)?$"+"\"",schema:"^\\S(.*\\S)?$",parentSchema:schema49.properties.ratingPlan,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/ratingPlan",schemaPath:"#/properties/ratingPlan/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.ratingPlan.type,parentSchema:schema49.properties.ratingPlan,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.routingPlan !== undefined){
let data7 = data.routingPlan;
if(typeof data7 === "string"){
if(func2(data7) > 100){
const err24 = {instancePath:instancePath+"/routingPlan",schemaPath:"#/properties/routingPlan/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema49.properties.routingPlan,data:data7};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(func2(data7) < 1){
const err25 = {instancePath:instancePath+"/routingPlan",schemaPath:"#/properties/routingPlan/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema49.properties.routingPlan,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/routingPlan",schemaPath:"#/properties/routingPlan/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.routingPlan.type,parentSchema:schema49.properties.routingPlan,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.techPrefix !== undefined){
let data8 = data.techPrefix;
if(typeof data8 === "string"){
if(!pattern20.test(data8)){
const err27 = {instancePath:instancePath+"/techPrefix",schemaPath:"#/properties/techPrefix/pattern",keyword:"pattern",params:{pattern: "^\\S{1,32}$"},message:"must match pattern \""+"^\\S{1,32}$"+"\"",schema:"^\\S{1,32}$",parentSchema:schema49.properties.techPrefix,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/techPrefix",schemaPath:"#/properties/techPrefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.techPrefix.type,parentSchema:schema49.properties.techPrefix,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.priority !== undefined){
let data9 = data.priority;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err29 = {instancePath:instancePath+"/priority",schemaPath:"#/properties/priority/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.priority.type,parentSchema:schema49.properties.priority,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
const err30 = {instancePath:instancePath+"/priority",schemaPath:"#/properties/priority/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema49.properties.priority,data:data9};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
if(data.weight !== undefined){
let data10 = data.weight;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
const err31 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.weight.type,parentSchema:schema49.properties.weight,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
const err32 = {instancePath:instancePath+"/weight",schemaPath:"#/properties/weight/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema49.properties.weight,data:data10};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
}
if(data.capacityMode !== undefined){
let data11 = data.capacityMode;
if(!((data11 === "unrestricted") || (data11 === "capped"))){
const err33 = {instancePath:instancePath+"/capacityMode",schemaPath:"#/properties/capacityMode/enum",keyword:"enum",params:{allowedValues: schema49.properties.capacityMode.enum},message:"must be equal to one of the allowed values",schema:schema49.properties.capacityMode.enum,parentSchema:schema49.properties.capacityMode,data:data11};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data.capacityLimit !== undefined){
let data12 = data.capacityLimit;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err34 = {instancePath:instancePath+"/capacityLimit",schemaPath:"#/properties/capacityLimit/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.capacityLimit.type,parentSchema:schema49.properties.capacityLimit,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 1 || isNaN(data12)){
const err35 = {instancePath:instancePath+"/capacityLimit",schemaPath:"#/properties/capacityLimit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema49.properties.capacityLimit,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
if(data.enforcementPolicy !== undefined){
let data13 = data.enforcementPolicy;
if(typeof data13 === "string"){
if(func2(data13) > 100){
const err36 = {instancePath:instancePath+"/enforcementPolicy",schemaPath:"#/properties/enforcementPolicy/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema49.properties.enforcementPolicy,data:data13};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/enforcementPolicy",schemaPath:"#/properties/enforcementPolicy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.enforcementPolicy.type,parentSchema:schema49.properties.enforcementPolicy,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const Settings = validate29;
const schema50 = {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"Settings","description":"Policy of this config repository: safety guards, the rate-increase notice period, whether apply deletes, drift handling, schedules. At most one Settings document; absent fields take the defaults shipped in didsync's config/defaults.yaml, and command-line flags override both.","type":"object","additionalProperties":false,"required":["kind"],"properties":{"kind":{"const":"Settings","description":"Always `Settings`."},"guards":{"type":"object","additionalProperties":false,"default":{"maxDeletePercent":25,"refuseNonZeroBalanceDelete":true},"description":"Safety limits an apply must respect unless run with --force.","properties":{"maxDeletePercent":{"type":"number","minimum":0,"maximum":100,"default":25,"description":"Refuse an apply that would delete more than this percentage (0 to 100) of the managed objects of any kind, or of the rates of a rating plan that has 10 or more."},"refuseNonZeroBalanceDelete":{"type":"boolean","default":true,"description":"Refuse to delete a carrier whose customer, supplier or bilateral balance is not zero."}}},"rateIncreaseNoticeDays":{"type":"integer","minimum":0,"default":7,"description":"Days of notice a rate increase needs: a higher rate must have an effectiveDate at least this many days after the apply (0 allows immediate increases). Judged per number by the longest prefix in effect, so a new prefix priced above the one that covered its numbers, or a deleted prefix whose numbers fall back to a dearer one, is an increase too."},"prune":{"type":"boolean","default":false,"description":"Whether apply deletes managed objects that are no longer in the config, as if --prune were given."},"drift":{"enum":["report","revert"],"default":"report","description":"What the daemon does when the database differs from the last applied config: `report` marks and reports it, `revert` re-applies the config."},"schedule":{"type":"string","pattern":"^\\S+( +\\S+){4,5}$","default":"* * * * *","description":"Cron expression (5 or 6 fields) for how often the daemon checks the repository for new commits; every minute by default."},"driftSchedule":{"type":"string","pattern":"^\\S+( +\\S+){4,5}$","default":"*/5 * * * *","description":"Cron expression (5 or 6 fields) for how often the daemon compares the database with the last applied config; every 5 minutes by default."},"lockTimeoutSeconds":{"type":"integer","minimum":1,"default":30,"description":"Seconds an apply waits for another apply's lock on the database before giving up."}}};
const pattern35 = new RegExp("^\\S+( +\\S+){4,5}$", "u");

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema50.required,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "kind") || (key0 === "guards")) || (key0 === "rateIncreaseNoticeDays")) || (key0 === "prune")) || (key0 === "drift")) || (key0 === "schedule")) || (key0 === "driftSchedule")) || (key0 === "lockTimeoutSeconds"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.kind !== undefined){
let data0 = data.kind;
if("Settings" !== data0){
const err2 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Settings"},message:"must be equal to constant",schema:"Settings",parentSchema:schema50.properties.kind,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.guards !== undefined){
let data1 = data.guards;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key1 in data1){
if(!((key1 === "maxDeletePercent") || (key1 === "refuseNonZeroBalanceDelete"))){
const err3 = {instancePath:instancePath+"/guards",schemaPath:"#/properties/guards/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema50.properties.guards,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.maxDeletePercent !== undefined){
let data2 = data1.maxDeletePercent;
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 100 || isNaN(data2)){
const err4 = {instancePath:instancePath+"/guards/maxDeletePercent",schemaPath:"#/properties/guards/properties/maxDeletePercent/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema50.properties.guards.properties.maxDeletePercent,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(data2 < 0 || isNaN(data2)){
const err5 = {instancePath:instancePath+"/guards/maxDeletePercent",schemaPath:"#/properties/guards/properties/maxDeletePercent/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.guards.properties.maxDeletePercent,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/guards/maxDeletePercent",schemaPath:"#/properties/guards/properties/maxDeletePercent/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema50.properties.guards.properties.maxDeletePercent.type,parentSchema:schema50.properties.guards.properties.maxDeletePercent,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data1.refuseNonZeroBalanceDelete !== undefined){
let data3 = data1.refuseNonZeroBalanceDelete;
if(typeof data3 !== "boolean"){
const err7 = {instancePath:instancePath+"/guards/refuseNonZeroBalanceDelete",schemaPath:"#/properties/guards/properties/refuseNonZeroBalanceDelete/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema50.properties.guards.properties.refuseNonZeroBalanceDelete.type,parentSchema:schema50.properties.guards.properties.refuseNonZeroBalanceDelete,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/guards",schemaPath:"#/properties/guards/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.properties.guards.type,parentSchema:schema50.properties.guards,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.rateIncreaseNoticeDays !== undefined){
let data4 = data.rateIncreaseNoticeDays;
if(!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))){
const err9 = {instancePath:instancePath+"/rateIncreaseNoticeDays",schemaPath:"#/properties/rateIncreaseNoticeDays/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.rateIncreaseNoticeDays.type,parentSchema:schema50.properties.rateIncreaseNoticeDays,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err10 = {instancePath:instancePath+"/rateIncreaseNoticeDays",schemaPath:"#/properties/rateIncreaseNoticeDays/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema50.properties.rateIncreaseNoticeDays,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
if(data.prune !== undefined){
let data5 = data.prune;
if(typeof data5 !== "boolean"){
const err11 = {instancePath:instancePath+"/prune",schemaPath:"#/properties/prune/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema50.properties.prune.type,parentSchema:schema50.properties.prune,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.drift !== undefined){
let data6 = data.drift;
if(!((data6 === "report") || (data6 === "revert"))){
const err12 = {instancePath:instancePath+"/drift",schemaPath:"#/properties/drift/enum",keyword:"enum",params:{allowedValues: schema50.properties.drift.enum},message:"must be equal to one of the allowed values",schema:schema50.properties.drift.enum,parentSchema:schema50.properties.drift,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.schedule !== undefined){
let data7 = data.schedule;
if(typeof data7 === "string"){
if(!pattern35.test(data7)){
const err13 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/pattern",keyword:"pattern",params:{pattern: "^\\S+( +\\S+){4,5}$"},message:"must match pattern \""+"^\\S+( +\\S+){4,5}$"+"\"",schema:"^\\S+( +\\S+){4,5}$",parentSchema:schema50.properties.schedule,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/schedule",schemaPath:"#/properties/schedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.schedule.type,parentSchema:schema50.properties.schedule,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.driftSchedule !== undefined){
let data8 = data.driftSchedule;
if(typeof data8 === "string"){
if(!pattern35.test(data8)){
const err15 = {instancePath:instancePath+"/driftSchedule",schemaPath:"#/properties/driftSchedule/pattern",keyword:"pattern",params:{pattern: "^\\S+( +\\S+){4,5}$"},message:"must match pattern \""+"^\\S+( +\\S+){4,5}$"+"\"",schema:"^\\S+( +\\S+){4,5}$",parentSchema:schema50.properties.driftSchedule,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/driftSchedule",schemaPath:"#/properties/driftSchedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema50.properties.driftSchedule.type,parentSchema:schema50.properties.driftSchedule,data:data8};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.lockTimeoutSeconds !== undefined){
let data9 = data.lockTimeoutSeconds;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
const err17 = {instancePath:instancePath+"/lockTimeoutSeconds",schemaPath:"#/properties/lockTimeoutSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema50.properties.lockTimeoutSeconds.type,parentSchema:schema50.properties.lockTimeoutSeconds,data:data9};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 1 || isNaN(data9)){
const err18 = {instancePath:instancePath+"/lockTimeoutSeconds",schemaPath:"#/properties/lockTimeoutSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema50.properties.lockTimeoutSeconds,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
