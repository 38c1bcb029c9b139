var F=globalThis,B=F.ShadowRoot&&(F.ShadyCSS===void 0||F.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,te=Symbol(),ve=new WeakMap,T=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==te)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(B&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=ve.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&ve.set(t,e))}return e}toString(){return this.cssText}},xe=s=>new T(typeof s=="string"?s:s+"",void 0,te),j=(s,...e)=>{let t=s.length===1?s[0]:e.reduce((n,i,r)=>n+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+s[r+1],s[0]);return new T(t,s,te)},Ee=(s,e)=>{if(B)s.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let n=document.createElement("style"),i=F.litNonce;i!==void 0&&n.setAttribute("nonce",i),n.textContent=t.cssText,s.appendChild(n)}},ne=B?s=>s:s=>s instanceof CSSStyleSheet?(e=>{let t="";for(let n of e.cssRules)t+=n.cssText;return xe(t)})(s):s;var{is:yt,defineProperty:wt,getOwnPropertyDescriptor:bt,getOwnPropertyNames:$t,getOwnPropertySymbols:vt,getPrototypeOf:xt}=Object,W=globalThis,Ae=W.trustedTypes,Et=Ae?Ae.emptyScript:"",At=W.reactiveElementPolyfillSupport,M=(s,e)=>s,se={toAttribute(s,e){switch(e){case Boolean:s=s?Et:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,e){let t=s;switch(e){case Boolean:t=s!==null;break;case Number:t=s===null?null:Number(s);break;case Object:case Array:try{t=JSON.parse(s)}catch{t=null}}return t}},ke=(s,e)=>!yt(s,e),Se={attribute:!0,type:String,converter:se,reflect:!1,useDefault:!1,hasChanged:ke};Symbol.metadata??=Symbol("metadata"),W.litPropertyMetadata??=new WeakMap;var b=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Se){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),i=this.getPropertyDescriptor(e,n,t);i!==void 0&&wt(this.prototype,e,i)}}static getPropertyDescriptor(e,t,n){let{get:i,set:r}=bt(this.prototype,e)??{get(){return this[t]},set(a){this[t]=a}};return{get:i,set(a){let o=i?.call(this);r?.call(this,a),this.requestUpdate(e,o,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Se}static _$Ei(){if(this.hasOwnProperty(M("elementProperties")))return;let e=xt(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(M("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(M("properties"))){let t=this.properties,n=[...$t(t),...vt(t)];for(let i of n)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[n,i]of t)this.elementProperties.set(n,i)}this._$Eh=new Map;for(let[t,n]of this.elementProperties){let i=this._$Eu(t,n);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let i of n)t.unshift(ne(i))}else e!==void 0&&t.push(ne(e));return t}static _$Eu(e,t){let n=t.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Ee(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,n);if(i!==void 0&&n.reflect===!0){let r=(n.converter?.toAttribute!==void 0?n.converter:se).toAttribute(t,n.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,t){let n=this.constructor,i=n._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let r=n.getPropertyOptions(i),a=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:se;this._$Em=i;let o=a.fromAttribute(t,r.type);this[i]=o??this._$Ej?.get(i)??o,this._$Em=null}}requestUpdate(e,t,n,i=!1,r){if(e!==void 0){let a=this.constructor;if(i===!1&&(r=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??ke)(r,t)||n.useDefault&&n.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:i,wrapped:r},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),r!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}let n=this.constructor.elementProperties;if(n.size>0)for(let[i,r]of n){let{wrapped:a}=r,o=this[i];a!==!0||this._$AL.has(i)||o===void 0||this.C(i,void 0,r,o)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(t)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};b.elementStyles=[],b.shadowRootOptions={mode:"open"},b[M("elementProperties")]=new Map,b[M("finalized")]=new Map,At?.({ReactiveElement:b}),(W.reactiveElementVersions??=[]).push("2.1.2");var de=globalThis,Ce=s=>s,G=de.trustedTypes,Le=G?G.createPolicy("lit-html",{createHTML:s=>s}):void 0,Pe="$lit$",x=`lit$${Math.random().toFixed(9).slice(2)}$`,Ie="?"+x,St=`<${Ie}>`,C=document,H=()=>C.createComment(""),P=s=>s===null||typeof s!="object"&&typeof s!="function",ue=Array.isArray,kt=s=>ue(s)||typeof s?.[Symbol.iterator]=="function",ie=`[ 	
\f\r]`,O=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Re=/-->/g,Te=/>/g,S=RegExp(`>|${ie}(?:([^\\s"'>=/]+)(${ie}*=${ie}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Me=/'/g,Oe=/"/g,Ne=/^(?:script|style|textarea|title)$/i,pe=s=>(e,...t)=>({_$litType$:s,strings:e,values:t}),u=pe(1),ln=pe(2),cn=pe(3),$=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),He=new WeakMap,k=C.createTreeWalker(C,129);function De(s,e){if(!ue(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return Le!==void 0?Le.createHTML(e):e}var Ct=(s,e)=>{let t=s.length-1,n=[],i,r=e===2?"<svg>":e===3?"<math>":"",a=O;for(let o=0;o<t;o++){let l=s[o],c,p,h=-1,f=0;for(;f<l.length&&(a.lastIndex=f,p=a.exec(l),p!==null);)f=a.lastIndex,a===O?p[1]==="!--"?a=Re:p[1]!==void 0?a=Te:p[2]!==void 0?(Ne.test(p[2])&&(i=RegExp("</"+p[2],"g")),a=S):p[3]!==void 0&&(a=S):a===S?p[0]===">"?(a=i??O,h=-1):p[1]===void 0?h=-2:(h=a.lastIndex-p[2].length,c=p[1],a=p[3]===void 0?S:p[3]==='"'?Oe:Me):a===Oe||a===Me?a=S:a===Re||a===Te?a=O:(a=S,i=void 0);let m=a===S&&s[o+1].startsWith("/>")?" ":"";r+=a===O?l+St:h>=0?(n.push(c),l.slice(0,h)+Pe+l.slice(h)+x+m):l+x+(h===-2?o:m)}return[De(s,r+(s[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]},I=class s{constructor({strings:e,_$litType$:t},n){let i;this.parts=[];let r=0,a=0,o=e.length-1,l=this.parts,[c,p]=Ct(e,t);if(this.el=s.createElement(c,n),k.currentNode=this.el.content,t===2||t===3){let h=this.el.content.firstChild;h.replaceWith(...h.childNodes)}for(;(i=k.nextNode())!==null&&l.length<o;){if(i.nodeType===1){if(i.hasAttributes())for(let h of i.getAttributeNames())if(h.endsWith(Pe)){let f=p[a++],m=i.getAttribute(h).split(x),_=/([.?@])?(.*)/.exec(f);l.push({type:1,index:r,name:_[2],strings:m,ctor:_[1]==="."?ae:_[1]==="?"?oe:_[1]==="@"?le:R}),i.removeAttribute(h)}else h.startsWith(x)&&(l.push({type:6,index:r}),i.removeAttribute(h));if(Ne.test(i.tagName)){let h=i.textContent.split(x),f=h.length-1;if(f>0){i.textContent=G?G.emptyScript:"";for(let m=0;m<f;m++)i.append(h[m],H()),k.nextNode(),l.push({type:2,index:++r});i.append(h[f],H())}}}else if(i.nodeType===8)if(i.data===Ie)l.push({type:2,index:r});else{let h=-1;for(;(h=i.data.indexOf(x,h+1))!==-1;)l.push({type:7,index:r}),h+=x.length-1}r++}}static createElement(e,t){let n=C.createElement("template");return n.innerHTML=e,n}};function L(s,e,t=s,n){if(e===$)return e;let i=n!==void 0?t._$Co?.[n]:t._$Cl,r=P(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(s),i._$AT(s,t,n)),n!==void 0?(t._$Co??=[])[n]=i:t._$Cl=i),i!==void 0&&(e=L(s,i._$AS(s,e.values),i,n)),e}var re=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,i=(e?.creationScope??C).importNode(t,!0);k.currentNode=i;let r=k.nextNode(),a=0,o=0,l=n[0];for(;l!==void 0;){if(a===l.index){let c;l.type===2?c=new N(r,r.nextSibling,this,e):l.type===1?c=new l.ctor(r,l.name,l.strings,this,e):l.type===6&&(c=new ce(r,this,e)),this._$AV.push(c),l=n[++o]}a!==l?.index&&(r=k.nextNode(),a++)}return k.currentNode=C,i}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,t),t+=n.strings.length-2):n._$AI(e[t])),t++}},N=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,i){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=L(this,e,t),P(e)?e===d||e==null||e===""?(this._$AH!==d&&this._$AR(),this._$AH=d):e!==this._$AH&&e!==$&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):kt(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==d&&P(this._$AH)?this._$AA.nextSibling.data=e:this.T(C.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,i=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=I.createElement(De(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===i)this._$AH.p(t);else{let r=new re(i,this),a=r.u(this.options);r.p(t),this.T(a),this._$AH=r}}_$AC(e){let t=He.get(e.strings);return t===void 0&&He.set(e.strings,t=new I(e)),t}k(e){ue(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,n,i=0;for(let r of e)i===t.length?t.push(n=new s(this.O(H()),this.O(H()),this,this.options)):n=t[i],n._$AI(r),i++;i<t.length&&(this._$AR(n&&n._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let n=Ce(e).nextSibling;Ce(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},R=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,i,r){this.type=1,this._$AH=d,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=r,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=d}_$AI(e,t=this,n,i){let r=this.strings,a=!1;if(r===void 0)e=L(this,e,t,0),a=!P(e)||e!==this._$AH&&e!==$,a&&(this._$AH=e);else{let o=e,l,c;for(e=r[0],l=0;l<r.length-1;l++)c=L(this,o[n+l],t,l),c===$&&(c=this._$AH[l]),a||=!P(c)||c!==this._$AH[l],c===d?e=d:e!==d&&(e+=(c??"")+r[l+1]),this._$AH[l]=c}a&&!i&&this.j(e)}j(e){e===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},ae=class extends R{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===d?void 0:e}},oe=class extends R{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==d)}},le=class extends R{constructor(e,t,n,i,r){super(e,t,n,i,r),this.type=5}_$AI(e,t=this){if((e=L(this,e,t,0)??d)===$)return;let n=this._$AH,i=e===d&&n!==d||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,r=e!==d&&(n===d||i);i&&this.element.removeEventListener(this.name,this,n),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ce=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){L(this,e)}};var Lt=de.litHtmlPolyfillSupport;Lt?.(I,N),(de.litHtmlVersions??=[]).push("3.3.3");var ze=(s,e,t)=>{let n=t?.renderBefore??e,i=n._$litPart$;if(i===void 0){let r=t?.renderBefore??null;n._$litPart$=i=new N(e.insertBefore(H(),r),r,void 0,t??{})}return i._$AI(s),i};var he=globalThis,g=class extends b{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=ze(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return $}};g._$litElement$=!0,g.finalized=!0,he.litElementHydrateSupport?.({LitElement:g});var Rt=he.litElementPolyfillSupport;Rt?.({LitElement:g});(he.litElementVersions??=[]).push("4.2.2");var Ue={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Ve=s=>(...e)=>({_$litDirective$:s,values:e}),K=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,n){this._$Ct=e,this._$AM=t,this._$Ci=n}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var Fe="important",Tt=" !"+Fe,q=Ve(class extends K{constructor(s){if(super(s),s.type!==Ue.ATTRIBUTE||s.name!=="style"||s.strings?.length>2)throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.")}render(s){return Object.keys(s).reduce((e,t)=>{let n=s[t];return n==null?e:e+`${t=t.includes("-")?t:t.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g,"-$&").toLowerCase()}:${n};`},"")}update(s,[e]){let{style:t}=s.element;if(this.ft===void 0)return this.ft=new Set(Object.keys(e)),this.render(e);for(let n of this.ft)e[n]==null&&(this.ft.delete(n),n.includes("-")?t.removeProperty(n):t[n]=null);for(let n in e){let i=e[n];if(i!=null){this.ft.add(n);let r=typeof i=="string"&&i.endsWith(Tt);n.includes("-")||r?t.setProperty(n,r?i.slice(0,-11):i,r?Fe:""):t[n]=i}}return $}});var D="esim-renewal-card",Y="esim-renewal-card-editor",Be="esim-renewal-dialog",Mt=`custom:${D}`,Ot=new Set(["type","title","lines","compact","grid_options","view_layout","visibility"]),w=class extends Error{constructor(t,n={}){super(t);this.key=t;this.values=n;this.name="ConfigError"}};function Z(s){if(typeof s!="object"||s===null||Array.isArray(s))throw new w("config.not_an_object");let e=s;for(let t of Object.keys(e))if(!Ot.has(t))throw new w("config.unknown_option",{option:t});if(e.title!==void 0&&typeof e.title!="string")throw new w("config.title");if(e.compact!==void 0&&typeof e.compact!="boolean")throw new w("config.compact");if(e.lines!==void 0){let t=e.lines;if(!Array.isArray(t)||!t.every(i=>typeof i=="string"&&i!==""))throw new w("config.lines");let n=new Set;for(let i of t){if(n.has(i))throw new w("config.duplicate_line",{line:i});n.add(i)}}return e}function me(){return{type:Mt}}function je(s,e){let t={...s};return delete t.title,delete t.lines,delete t.compact,e.title&&(t.title=e.title),e.lines&&e.lines.length>0&&(t.lines=[...e.lines]),e.compact&&(t.compact=!0),t}function We(s,e){let t=s.compact?2:4;return(s.title?1:0)+Math.max(1,e)*t}function Ge(s){return s.compact?{columns:6,min_columns:6}:{columns:12,min_columns:6}}function fe(s,e){let t=new Intl.DateTimeFormat("en-US",{timeZone:e,year:"numeric",month:"2-digit",day:"2-digit"}).formatToParts(typeof s=="string"?new Date(s):s),n=i=>t.find(r=>r.type===i)?.value??"";return`${n("year")}-${n("month")}-${n("day")}`}function ge(s,e){return s===void 0||Number.isNaN(Date.parse(s))?null:fe(s,e)}function J(s){let[e,t,n]=s.split("-").map(Number);return Date.UTC(e,t-1,n)}function z(s,e){return new Date(J(s)+e*864e5).toISOString().slice(0,10)}function E(s,e){return Math.round((J(e)-J(s))/864e5)}function U(s,e,t={month:"short",day:"numeric"}){return new Intl.DateTimeFormat(e,{...t,timeZone:"UTC"}).format(J(s))}function v(s,e,t={}){s.dispatchEvent(new CustomEvent(e,{detail:t,bubbles:!0,composed:!0}))}var y="esim_renewal";function V(s,e){if(s.translation_domain===y&&s.translation_key){let t=e(`component.${y}.exceptions.${s.translation_key}.message`,s.translation_placeholders);if(t)return t}return s.message||String(s.code??"")}function Ke(s,e){let t=s.translation_placeholders?.field,n=t!==void 0&&e.includes(t)?t:"base",i=s.translation_domain===y&&s.translation_key?s.translation_key:null;return{field:n,key:i}}function _e(s,e){return e===null?s("days.unknown"):e>0?s("days.left",{count:e}):e===0?s("days.today"):s("days.lapsed",{count:-e})}function Ye(s,e,t,n){let i=r=>U(r,n);switch(e.kind){case"safe":return s(e.time==="past"?"timeline.was_safe":"timeline.safe",{date:i(e.to)});case"suspended":return e.to===null?s("timeline.suspended_open",{from:i(e.from)}):s("timeline.suspended",{from:i(e.from),to:i(e.to)});case"lost":{let r=e.from;return e.time==="future"?s("timeline.lost_in",{date:i(r),count:E(t,r)}):s("timeline.lost",{date:i(r)})}}}function qe(s,e,t){return`${new Intl.NumberFormat(t,{maximumFractionDigits:2}).format(s)} ${e}`}function Ze(s,e,t){switch(e.kind){case"unlimited":return s("data.unlimited");case"unknown":return s("data.unknown");case"amount":{let n=qe(e.remaining,e.unit,t);return e.total===null?s("data.left",{remaining:n}):s("data.of",{remaining:n,total:qe(e.total,e.unit,t)})}}}function Je(s){return s.kind!=="amount"||s.total===null||s.total<=0?null:Math.min(1,Math.max(0,s.remaining/s.total))}function Qe(s,e){if(s.cost===null)return null;if(s.currency===null)return new Intl.NumberFormat(e).format(s.cost);try{return new Intl.NumberFormat(e,{style:"currency",currency:s.currency}).format(s.cost)}catch{return`${new Intl.NumberFormat(e).format(s.cost)} ${s.currency}`}}function ye(s){return s.status===null?"unknown":s.status.replace("_","-")}var we="esim_renewal",Ht={daysLeft:"sensor.days_until_expiry",stopsWorking:"sensor.expiry",numberLost:"sensor.number_lost",status:"sensor.status",dataRemaining:"sensor.data_remaining",dataReading:"number.data_remaining",balance:"sensor.balance",lastRenewal:"sensor.last_renewal",markRenewed:"button.mark_renewed",undoRenewal:"button.undo_renewal",plan:"select.plan",keepingCost:"sensor.keeping_cost"},Pt=["active","expiring_soon","expired","lost"],It=["unknown","unavailable"],Nt=new Map(Object.entries(Ht).map(([s,e])=>[e,s])),Xe={B:1e-9,kB:1e-6,MB:.001,GB:1,TB:1e3,KiB:1024/1e9,MiB:1024**2/1e9,GiB:1024**3/1e9,TiB:1024**4/1e9};function et(s){let e=new Map;for(let t of Object.values(s)){if(t.platform!==we||!t.device_id||!t.translation_key)continue;let n=t.entity_id.split(".",1)[0],i=Nt.get(`${n}.${t.translation_key}`);if(i===void 0)continue;let r=e.get(t.device_id);r===void 0&&(r={},e.set(t.device_id,r)),r[i]=t.entity_id}return e}function tt(s,e,t){return t!==void 0&&t.length>0?[...t]:[...s.keys()].filter(n=>e[n]!==void 0&&!e[n].disabled_by)}function nt(s){if(s===void 0||s.state.trim()==="")return null;let e=Number(s.state);return Number.isFinite(e)?e:null}function Dt(s,e){if(e.dataRemaining===void 0&&e.dataReading===void 0)return{kind:"unlimited"};let t=e.dataRemaining?s.states[e.dataRemaining]:void 0,n=nt(t);if(t===void 0||n===null)return{kind:"unknown"};let i=String(t.attributes.unit_of_measurement??"GB"),r=e.dataReading?s.states[e.dataReading]:void 0,a=Number(r?.attributes.max),o=String(r?.attributes.unit_of_measurement??"GB"),l=Xe[o]/Xe[i],c=r!==void 0&&Number.isFinite(a)&&Number.isFinite(l)?a*l:null;return{kind:"amount",remaining:n,unit:i,total:c}}function zt(s){if(s===void 0||Number.isNaN(Date.parse(s.state)))return null;let[e]=s.attributes.recent_renewals??[];return{at:s.state,cost:e?.cost??null,currency:e?.currency??null}}function be(s){return s===void 0||It.includes(s.state)?void 0:s}function Ut(s){let e=s?.attributes.options;if(s===void 0||!Array.isArray(e)||e.length===0)return null;let t=be(s)?.state??null;return{entityId:s.entity_id,chosen:t!==null&&e.includes(t)?t:null,options:e.map(String)}}function st(s,e,t){let n=s.devices[e];if(n===void 0)return null;let i=l=>{let c=t[l];return c===void 0?void 0:s.states[c]},r=s.config.time_zone,a=ge(i("stopsWorking")?.state,r),o=i("status")?.state;return{deviceId:e,name:n.name_by_user||n.name||e,carrier:n.manufacturer,renewalUrl:n.configuration_url,status:o!==void 0&&Pt.includes(o)?o:null,daysLeft:nt(i("daysLeft")),lastSafeDay:a===null?null:z(a,-1),numberLostOn:ge(i("numberLost")?.state,r),data:Dt(s,t),lastRenewal:zt(i("lastRenewal")),plan:Ut(i("plan")),entities:t}}function Vt(s,e){let t=s.daysLeft??Number.POSITIVE_INFINITY;switch(s.status){case"expired":return[0,s.numberLostOn===null?Number.POSITIVE_INFINITY:E(e,s.numberLostOn),t];case"expiring_soon":case"active":return[1,t,0];case"lost":return[2,-t,0];default:return[3,t,0]}}function it(s,e,t){let n=s.map(i=>({line:i,key:Vt(i,e)}));return n.sort((i,r)=>{for(let a=0;a<i.key.length;a+=1)if(i.key[a]!==r.key[a])return i.key[a]<r.key[a]?-1:1;return i.line.name.localeCompare(r.line.name,t)}),n.map(({line:i})=>i)}function rt(s){let e=new Set;for(let t of s)for(let n of Object.values(t))e.add(n);return e}function at(s,e,t){for(let n of t)if(s[n]!==e[n])return!0;return!1}var ot={card:{name:"eSIM lines",description:"Every eSIM Renewal line at a glance: days left, the road to losing the number, data, and renewing in one tap.",no_lines:"No eSIM Renewal lines yet. Add one in Settings → Devices & services.",missing_line:"A line picked for this card is gone. Pick the lines again in the card's settings.",open_line:"{name}: open details"},days:{left:{one:"{count} day left",other:"{count} days left"},today:"Last safe day today",lapsed:{one:"Lapsed {count} day ago",other:"Lapsed {count} days ago"},unknown:"Days left unknown"},timeline:{title:"Road to losing the number",safe:"Safe through {date}",was_safe:"Was safe through {date}",suspended:"Suspended {from} – {to}",suspended_open:"Suspended from {from}",lost:"Number lost {date}",lost_in:{one:"Number lost {date}, in {count} day",other:"Number lost {date}, in {count} days"},lost_unknown:"No known day for losing the number"},data:{label:"Data",unlimited:"Unlimited",unknown:"Unknown",of:"{remaining} of {total}",left:"{remaining} left"},wallet:{label:"Wallet"},plan:{label:"Plan",keeping_cost:"Keeping the number",per_year:"{cost} a year"},renewal:{label:"Last renewal",never:"Not yet"},action:{mark_renewed:"Mark renewed",record:"Record renewal",undo:"Undo",renewal_page:"Renewal page",renewal_page_of:"Open the renewal page of {name}",mark_renewed_of:"Mark {name} renewed",record_of:"Record a renewal of {name}",undo_of:"Undo the last renewal of {name}",cancel:"Cancel",submit:"Record"},confirm:{title:"Mark {name} renewed?",text:"This records a renewal today, the line's usual way: it moves the last safe day as the line's rule says. Undo takes it back."},done:{renewed:"{name} is safe through {date}.",undone:"{name} is back as it was before its last renewal."},error:{failed:"That did not work: {message}",form_unavailable:"The renewal form could not be loaded: {message}"},editor:{title:"Title",lines:"Lines (all when empty)",compact:"Compact: one short row per line"},config:{not_an_object:"The card's configuration must be a mapping of options.",unknown_option:"Unknown option: {option}. The card takes title, lines and compact.",title:"title must be text.",lines:"lines must be a list of the lines' device ids.",duplicate_line:"lines names the device {line} twice.",compact:"compact must be true or false."}};var lt={card:{name:"eSIM 回線",description:"eSIM Renewal のすべての回線をひと目で：残り日数、番号を失うまでの道のり、データ、ワンタップで更新。",no_lines:"eSIM Renewal の回線はまだありません。「設定」→「デバイスとサービス」で追加してください。",missing_line:"このカードで選んだ回線がなくなりました。カードの設定で回線を選び直してください。",open_line:"{name}：詳細を開く"},days:{left:{other:"残り {count} 日"},today:"今日が最終安全日",lapsed:{other:"{count} 日前に期限切れ"},unknown:"残り日数は不明"},timeline:{title:"番号を失うまでの道のり",safe:"{date} まで安全",was_safe:"{date} まで安全でした",suspended:"{from}〜{to} 利用停止",suspended_open:"{from} から利用停止",lost:"{date} 番号喪失",lost_in:{other:"{date} 番号喪失（あと {count} 日）"},lost_unknown:"番号を失う日は不明"},data:{label:"データ",unlimited:"無制限",unknown:"不明",of:"{total} 中 {remaining}",left:"残り {remaining}"},wallet:{label:"残高"},plan:{label:"プラン",keeping_cost:"番号の維持費",per_year:"年間 {cost}"},renewal:{label:"最終更新",never:"まだありません"},action:{mark_renewed:"更新済みにする",record:"更新を記録",undo:"取り消す",renewal_page:"更新ページ",renewal_page_of:"{name} の更新ページを開く",mark_renewed_of:"{name} を更新済みにする",record_of:"{name} の更新を記録",undo_of:"{name} の最後の更新を取り消す",cancel:"キャンセル",submit:"記録"},confirm:{title:"{name} を更新済みにしますか？",text:"今日、この回線のいつもの方法で更新したと記録します。最終安全日は回線のルールどおりに進みます。「取り消す」で元に戻せます。"},done:{renewed:"{name} は {date} まで安全です。",undone:"{name} を最後の更新の前の状態に戻しました。"},error:{failed:"実行できませんでした：{message}",form_unavailable:"更新フォームを読み込めませんでした：{message}"},editor:{title:"タイトル",lines:"回線（空のときはすべて）",compact:"コンパクト：回線ごとに短い 1 行"},config:{not_an_object:"カードの設定はオプションのマッピングにしてください。",unknown_option:"不明なオプション：{option}。このカードが受け付けるのは title、lines、compact です。",title:"title は文字列にしてください。",lines:"lines は回線のデバイス ID のリストにしてください。",duplicate_line:"lines にデバイス {line} が 2 回あります。",compact:"compact は true か false にしてください。"}};var ct={card:{name:"eSIM 线路",description:"一眼看清 eSIM Renewal 的每条线路：剩余天数、失去号码前的每一步、流量，一键续费。",no_lines:"还没有 eSIM Renewal 线路。请在“设置”→“设备与服务”中添加。",missing_line:"此卡片选中的一条线路已不存在。请在卡片设置中重新选择线路。",open_line:"{name}：打开详情"},days:{left:{other:"剩余 {count} 天"},today:"今天是最后安全日",lapsed:{other:"已过期 {count} 天"},unknown:"剩余天数未知"},timeline:{title:"失去号码前的每一步",safe:"{date} 前安全",was_safe:"曾安全至 {date}",suspended:"{from} – {to} 停机",suspended_open:"{from} 起停机",lost:"{date} 号码被回收",lost_in:{other:"{date} 号码被回收（还有 {count} 天）"},lost_unknown:"号码回收日期未知"},data:{label:"流量",unlimited:"不限量",unknown:"未知",of:"{remaining} / {total}",left:"剩余 {remaining}"},wallet:{label:"余额"},plan:{label:"套餐",keeping_cost:"保号费用",per_year:"每年 {cost}"},renewal:{label:"上次续费",never:"暂无"},action:{mark_renewed:"标记为已续费",record:"记录续费",undo:"撤销",renewal_page:"续费页面",renewal_page_of:"打开 {name} 的续费页面",mark_renewed_of:"将 {name} 标记为已续费",record_of:"记录 {name} 的续费",undo_of:"撤销 {name} 的上次续费",cancel:"取消",submit:"记录"},confirm:{title:"将 {name} 标记为已续费？",text:"这会记录今天按此线路的常规方式续费：最后安全日按线路的规则顺延。“撤销”可以恢复。"},done:{renewed:"{name} 在 {date} 前安全。",undone:"{name} 已恢复到上次续费之前的状态。"},error:{failed:"操作未成功：{message}",form_unavailable:"无法加载续费表单：{message}"},editor:{title:"标题",lines:"线路（留空则显示全部）",compact:"紧凑：每条线路一行"},config:{not_an_object:"卡片配置必须是选项的映射。",unknown_option:"未知选项：{option}。此卡片只接受 title、lines 和 compact。",title:"title 必须是文本。",lines:"lines 必须是线路设备 ID 的列表。",duplicate_line:"lines 中设备 {line} 出现了两次。",compact:"compact 必须是 true 或 false。"}};var dt={en:ot,ja:lt,"zh-Hans":ct};function Wt(s){let[e,t]=(s??"en").split("-");return e==="ja"?"ja":e==="zh"&&[void 0,"Hans","CN","SG"].includes(t)?"zh-Hans":"en"}function ut(s,e){let t=s;for(let n of e.split("."))t=typeof t=="object"?t[n]:void 0;return t}function pt(s,e,t){if(typeof s!="object")return s;let n=new Intl.PluralRules(e).select(t??0),i=s[n]??s.other;return typeof i=="string"?i:void 0}function Gt(s,e={}){return s.replace(/\{(\w+)\}/g,(t,n)=>n in e?String(e[n]):t)}function A(s){let e=Wt(s);return(t,n)=>{let i=typeof n?.count=="number"?n.count:void 0,r=pt(ut(dt[e],t),e,i)??pt(ut(dt.en,t),"en",i)??t;return Gt(r,n)}}var ht=j`
  :host {
    --esim-safe-color: var(--success-color, #43a047);
    --esim-soon-color: var(--warning-color, #ffa600);
    --esim-suspended-color: var(--error-color, #db4437);
    --esim-lost-color: var(--primary-text-color, #212121);
    --esim-track-color: var(--divider-color, rgba(0, 0, 0, 0.12));
    --esim-gap: var(--ha-space-3, 12px);
  }
  .lines {
    display: flex;
    flex-direction: column;
    padding: var(--esim-gap) var(--ha-space-4, 16px) var(--ha-space-4, 16px);
    gap: var(--ha-space-4, 16px);
  }
  ha-card[header] .lines,
  ha-card .lines:first-child {
    padding-top: var(--esim-gap);
  }
  .line {
    display: flex;
    flex-direction: column;
    gap: var(--ha-space-2, 8px);
    min-width: 0;
  }
  .line + .line {
    border-top: 1px solid var(--divider-color);
    padding-top: var(--ha-space-4, 16px);
  }
  .compact .line + .line {
    padding-top: var(--esim-gap);
  }
  .line {
    --esim-status-color: var(--secondary-text-color);
  }
  .line.active {
    --esim-status-color: var(--esim-safe-color);
  }
  .line.expiring-soon {
    --esim-status-color: var(--esim-soon-color);
  }
  .line.expired {
    --esim-status-color: var(--esim-suspended-color);
  }
  .line.lost {
    --esim-status-color: var(--esim-lost-color);
  }

  .head {
    all: unset;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--ha-space-1, 4px) var(--esim-gap);
    width: 100%;
    min-width: 0;
    cursor: pointer;
    border-radius: var(--ha-border-radius-md, 8px);
    color: var(--primary-text-color);
  }
  .head:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 4px;
  }
  .badge {
    display: flex;
    align-items: center;
    justify-content: center;
    flex: none;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    color: var(--esim-status-color);
    background: color-mix(in srgb, var(--esim-status-color) 18%, transparent);
  }
  .who {
    display: flex;
    flex-direction: column;
    flex: 1 1 10em;
    min-width: 0;
  }
  .name {
    font-size: var(--ha-font-size-l, 16px);
    font-weight: var(--ha-font-weight-medium, 500);
    overflow-wrap: anywhere;
  }
  .carrier {
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  .standing {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    margin-inline-start: auto;
    text-align: end;
  }
  .days {
    font-weight: var(--ha-font-weight-bold, 600);
  }
  .status {
    font-size: var(--ha-font-size-s, 12px);
    font-weight: var(--ha-font-weight-medium, 500);
    color: var(--esim-status-color);
  }

  .road {
    position: relative;
    display: flex;
    gap: 2px;
    height: 8px;
    margin: var(--ha-space-1, 4px) 0 0;
  }
  .stage {
    flex-basis: 0;
    border-radius: 4px;
    background: var(--esim-track-color);
  }
  .stage.safe {
    background: var(--esim-safe-color);
  }
  .expiring-soon .stage.safe {
    background: var(--esim-soon-color);
  }
  .stage.suspended {
    background: var(--esim-suspended-color);
  }
  .stage.lost {
    background: var(--esim-lost-color);
  }
  .stage.past {
    opacity: 0.25;
  }
  .stage.future {
    opacity: 0.4;
  }
  .today {
    position: absolute;
    top: -4px;
    bottom: -4px;
    width: 4px;
    margin-inline-start: -2px;
    border-radius: 2px;
    background: var(--primary-text-color);
    box-shadow: 0 0 0 2px var(--ha-card-background, var(--card-background-color, #fff));
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ha-space-1, 4px) var(--esim-gap);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .legend li::before {
    content: "";
    flex: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--esim-track-color);
  }
  .legend .safe::before {
    background: var(--esim-safe-color);
  }
  .expiring-soon .legend .safe::before {
    background: var(--esim-soon-color);
  }
  .legend .suspended::before {
    background: var(--esim-suspended-color);
  }
  .legend .lost::before {
    background: var(--esim-lost-color);
  }
  .legend .now {
    color: var(--primary-text-color);
    font-weight: var(--ha-font-weight-medium, 500);
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ha-space-1, 4px) var(--ha-space-6, 24px);
    margin: 0;
  }
  .fact {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  dt {
    font-size: var(--ha-font-size-s, 12px);
    color: var(--secondary-text-color);
  }
  dd {
    display: flex;
    align-items: center;
    gap: var(--ha-space-2, 8px);
    margin: 0;
  }
  .meter {
    display: inline-block;
    width: 72px;
    height: 6px;
    border-radius: 3px;
    overflow: hidden;
    background: var(--esim-track-color);
  }
  .meter > span {
    display: block;
    height: 100%;
    background: var(--primary-color);
  }

  ha-select.plan {
    display: block;
    max-width: 24em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ha-space-2, 8px);
    margin-inline-start: -4px;
  }
  .actions ha-icon {
    --mdc-icon-size: 18px;
  }
  .compact-row {
    display: flex;
    align-items: center;
    gap: var(--ha-space-1, 4px);
  }
  .compact-row .head {
    flex: 1 1 0;
    flex-wrap: nowrap;
  }
  .compact .who {
    flex: 1 1 0;
  }
  /* A compact card of half a phone's width keeps its words, not its badge. */
  ha-card {
    container-type: inline-size;
  }
  @container (max-width: 240px) {
    .compact .badge {
      display: none;
    }
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--ha-space-2, 8px);
    align-items: baseline;
    font-size: var(--ha-font-size-s, 12px);
  }
  .compact .badge {
    width: 32px;
    height: 32px;
  }
  .compact .badge ha-icon {
    --mdc-icon-size: 20px;
  }
  .compact .legend li:not(.now) {
    display: none;
  }
  .renew {
    flex: none;
    color: var(--primary-color);
  }
  .empty {
    margin: 0;
    color: var(--secondary-text-color);
  }
  ha-alert {
    display: block;
  }
  .confirm-text {
    margin: 0;
  }
`,mt=j`
  .description {
    margin-top: 0;
    color: var(--secondary-text-color);
  }
  .loading {
    display: flex;
    justify-content: center;
    padding: var(--ha-space-6, 24px);
  }
`;var Kt=.08,qt=.12,Yt=.3,Zt=.15;function $e(s,e,t){return t!==null&&s>t?"past":e!==null&&s<e?"future":"now"}function Jt(s,e){if(s.to===null)return null;let t=s.from!==null&&s.from>e?s.from:e;return E(t,s.to)+1}function Qt(s,e,t){if(e.length===0)return[];let n=e.some(c=>c>0)?e:e.map(()=>1),i=Math.min(t,s/n.length),r=n.reduce((c,p)=>c+p,0),a=n.map(c=>s*c/r<i),o=a.filter(Boolean).length*i,l=n.reduce((c,p,h)=>a[h]?c:c+p,0);return n.map((c,p)=>a[p]?i:(s-o)*c/l)}function ft(s,e,t){let n=z(e,1),i=[{kind:"safe",from:null,to:e,time:$e(s,null,e)}];if(t===null||t>n){let m=t===null?null:z(t,-1);i.push({kind:"suspended",from:n,to:m,time:$e(s,n,m)})}t!==null&&i.push({kind:"lost",from:t,to:null,time:$e(s,t,null)});let r=i.map(m=>m.time==="past"?Kt:m.kind==="lost"?m.time==="now"?null:qt:m.to===null?m.time==="now"?null:Yt:null),a=r.flatMap((m,_)=>m===null?[_]:[]),o=1-r.reduce((m,_)=>m+(_??0),0),l=a.map(m=>Jt(i[m],s)??1),c=Qt(o,l,Zt),p=i.map((m,_)=>({...m,share:r[_]??c[a.indexOf(_)]})),h=0,f=0;for(let m of p)m.time==="now"&&(f=h+m.share*Xt(m,s)),h+=m.share;return{stages:p,today:f}}function Xt(s,e){if(s.kind==="safe")return 0;if(s.from===null||s.to===null)return .5;let t=E(s.from,s.to)+1;return E(s.from,e)/t}var gt=!1;async function en(s){gt||customElements.get("ha-select")||!window.loadCardHelpers||(gt=!0,(await window.loadCardHelpers()).createRowElement({entity:s}))}var Q=class extends g{constructor(){super();this._watched=new Set;this._errors={},this._busy=new Set}static{this.properties={hass:{attribute:!1},_config:{state:!0},_errors:{state:!0},_busy:{state:!0},_confirming:{state:!0},_recording:{state:!0}}}static{this.styles=ht}static getConfigElement(){return document.createElement(Y)}static getStubConfig(){return me()}setConfig(t){try{this._config=Z(t)}catch(n){throw n instanceof w?new Error(this._t()(n.key,n.values)):n}}getCardSize(){if(!this._config)return 1;let t=this.hass?this._shown().length:this._config.lines?.length??1;return We(this._config,t)}getGridOptions(){return Ge(this._config??me())}_t(){return A(this.hass?.locale?.language??this.hass?.language??document.documentElement.lang)}_shown(){if(!this.hass||!this._config)return[];let{entities:t,devices:n}=this.hass;(this._registry?.entities!==t||this._registry.devices!==n)&&(this._registry={entities:t,devices:n,lines:et(t)});let{lines:i}=this._registry,r=tt(i,n,this._config.lines).map(a=>({deviceId:a,entities:i.get(a)}));return this._watched=rt(r.flatMap(({entities:a})=>a?[a]:[])),r}shouldUpdate(t){if(!this._config||!this.hass)return!1;let n=t.get("hass");return t.size>1||n===void 0||n.entities!==this.hass.entities||n.devices!==this.hass.devices||n.locale!==this.hass.locale||n.language!==this.hass.language||n.config!==this.hass.config?!0:at(n.states,this.hass.states,this._watched)}render(){if(!this._config||!this.hass)return d;let t=this.hass,n=this._t(),i=t.locale?.language??t.language,r=fe(new Date,t.config.time_zone),a=this._shown(),o=a.map(({deviceId:p,entities:h})=>h?st(t,p,h):null),l=it(o.filter(p=>p!==null),r,i),c=o.length-l.length;return u`
      <ha-card .header=${this._config.title}>
        <div class="lines ${this._config.compact?"compact":""}">
          ${l.map(p=>this._config?.compact?this._renderCompact(p,n,r,i):this._renderLine(p,n,r,i))}
          ${a.length===0?u`<p class="empty">${n("card.no_lines")}</p>`:d}
          ${c>0?u`<ha-alert alert-type="warning">${n("card.missing_line")}</ha-alert>`:d}
        </div>
      </ha-card>
      ${this._confirming?this._renderConfirmation(this._confirming,n):d}
      ${this._recording?u`<esim-renewal-dialog
            .hass=${t}
            .line=${this._recording}
            .today=${r}
            @esim-renewal-recorded=${this._recorded}
            @esim-renewal-dialog-closed=${()=>{this._recording=void 0}}
          ></esim-renewal-dialog>`:d}
    `}_renderLine(t,n,i,r){let a=this._busy.has(t.deviceId);return u`
      <section class="line ${ye(t)}" role="group" aria-label=${t.name}>
        ${this._renderHead(t,n)} ${this._renderRoad(t,n,i,r)}
        <dl class="facts">
          <div class="fact">
            <dt>${n("data.label")}</dt>
            <dd>${this._renderData(t,n,r)}</dd>
          </div>
          ${t.entities.balance&&this.hass?.states[t.entities.balance]?u`<div class="fact">
                <dt>${n("wallet.label")}</dt>
                <dd>${this.hass.formatEntityState(this.hass.states[t.entities.balance])}</dd>
              </div>`:d}
          ${this._renderKeepingCost(t,n)}
          <div class="fact">
            <dt>${n("renewal.label")}</dt>
            <dd>${this._renderLastRenewal(t,n,r)}</dd>
          </div>
        </dl>
        ${this._renderPlan(t,n,a)}
        <div class="actions">
          <ha-button
            size="s"
            .loading=${a}
            ?disabled=${a||!t.entities.markRenewed}
            title=${n("action.mark_renewed_of",{name:t.name})}
            @click=${()=>{this._confirming=t}}
            >${n("action.mark_renewed")}</ha-button
          >
          <ha-button
            size="s"
            appearance="plain"
            ?disabled=${a}
            title=${n("action.record_of",{name:t.name})}
            @click=${()=>{this._recording=t}}
            >${n("action.record")}</ha-button
          >
          <ha-button
            size="s"
            appearance="plain"
            ?disabled=${a||!t.entities.undoRenewal||t.lastRenewal===null}
            title=${n("action.undo_of",{name:t.name})}
            @click=${()=>this._press(t,"undoRenewal")}
            >${n("action.undo")}</ha-button
          >
          ${t.renewalUrl?u`<ha-button
                size="s"
                appearance="plain"
                href=${t.renewalUrl}
                target="_blank"
                rel="noopener noreferrer"
                title=${n("action.renewal_page_of",{name:t.name})}
                >${n("action.renewal_page")}<ha-icon
                  slot="end"
                  icon="mdi:open-in-new"
                ></ha-icon
              ></ha-button>`:d}
        </div>
        ${this._renderError(t)}
      </section>
    `}_renderCompact(t,n,i,r){let a=this._busy.has(t.deviceId),o=t.entities.status?this.hass?.states[t.entities.status]:void 0;return u`
      <section class="line ${ye(t)}" role="group" aria-label=${t.name}>
        <div class="compact-row">
          <button
            class="head"
            aria-haspopup="dialog"
            title=${n("card.open_line",{name:t.name})}
            @click=${()=>this._moreInfo(t)}
          >
            <span class="badge"><ha-icon icon="mdi:sim"></ha-icon></span>
            <span class="who">
              <span class="name">${t.name}</span>
              <span class="summary">
                <span class="days">${_e(n,t.daysLeft)}</span>
                ${o&&t.status?u`<span class="status">${this.hass?.formatEntityState(o)}</span>`:d}
              </span>
            </span>
          </button>
          <ha-icon-button
            class="renew"
            .label=${n("action.mark_renewed_of",{name:t.name})}
            .disabled=${a||!t.entities.markRenewed}
            @click=${()=>{this._confirming=t}}
            ><ha-icon icon="mdi:check-circle-outline"></ha-icon
          ></ha-icon-button>
        </div>
        ${this._renderRoad(t,n,i,r)} ${this._renderError(t)}
      </section>
    `}_renderHead(t,n){let i=t.entities.status?this.hass?.states[t.entities.status]:void 0;return u`
      <button
        class="head"
        aria-haspopup="dialog"
        title=${n("card.open_line",{name:t.name})}
        @click=${()=>this._moreInfo(t)}
      >
        <span class="badge"><ha-icon icon="mdi:sim"></ha-icon></span>
        <span class="who">
          <span class="name">${t.name}</span>
          ${t.carrier?u`<span class="carrier">${t.carrier}</span>`:d}
        </span>
        <span class="standing">
          <span class="days">${_e(n,t.daysLeft)}</span>
          ${i&&t.status?u`<span class="status">${this.hass?.formatEntityState(i)}</span>`:d}
        </span>
      </button>
    `}_renderRoad(t,n,i,r){if(t.lastSafeDay===null)return d;let a=ft(i,t.lastSafeDay,t.numberLostOn);return u`
      <div class="road" aria-hidden="true">
        ${a.stages.map(o=>u`<span
              class="stage ${o.kind} ${o.time}"
              style=${q({flexGrow:String(o.share)})}
            ></span>`)}
        <span class="today" style=${q({left:`${(a.today*100).toFixed(2)}%`})}></span>
      </div>
      <ul class="legend" aria-label=${n("timeline.title")}>
        ${a.stages.map(o=>u`<li class="${o.kind} ${o.time}">
              ${Ye(n,o,i,r)}
            </li>`)}
        ${t.numberLostOn===null?u`<li class="unknown">${n("timeline.lost_unknown")}</li>`:d}
      </ul>
    `}_renderData(t,n,i){let r=Je(t.data),a=Ze(n,t.data,i);return r===null?u`${a}`:u`<span
        class="meter"
        role="meter"
        aria-label=${n("data.label")}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(r*100)}
        aria-valuetext=${a}
        ><span style=${q({width:`${(r*100).toFixed(1)}%`})}></span></span
      >${a}`}_renderLastRenewal(t,n,i){if(t.lastRenewal===null||!this.hass)return u`${n("renewal.never")}`;let r=Qe(t.lastRenewal,i),a=t.lastRenewal.at,o=/^\d{4}-\d{2}-\d{2}$/.test(a)?u`${U(a,i,{year:"numeric",month:"short",day:"numeric"})}`:u`<ha-relative-time
          .hass=${this.hass}
          .datetime=${a}
          capitalize
        ></ha-relative-time>`;return r===null?o:u`${o}<span class="cost">${r}</span>`}_renderKeepingCost(t,n){let i=t.entities.keepingCost?be(this.hass?.states[t.entities.keepingCost]):void 0;return i===void 0||!this.hass?d:u`<div class="fact">
      <dt>${n("plan.keeping_cost")}</dt>
      <dd>${n("plan.per_year",{cost:this.hass.formatEntityState(i)})}</dd>
    </div>`}_renderPlan(t,n,i){let r=t.plan;return r===null?d:(en(r.entityId),u`<ha-select
      class="plan"
      .label=${n("plan.label")}
      .value=${r.chosen??void 0}
      .options=${r.options}
      .disabled=${i}
      @selected=${a=>{let o=a.detail.value;o!==void 0&&o!==r.chosen&&this._act(t,l=>l.callService("select","select_option",{option:o},{entity_id:r.entityId},!1))}}
    ></ha-select>`)}_renderError(t){let n=this._errors[t.deviceId];return n?u`<ha-alert
      alert-type="error"
      dismissable
      @alert-dismissed-clicked=${()=>this._setError(t,void 0)}
      >${n}</ha-alert
    >`:d}_renderConfirmation(t,n){return u`<ha-dialog
      open
      header-title=${n("confirm.title",{name:t.name})}
      @closed=${i=>{i.target===i.currentTarget&&(this._confirming=void 0)}}
    >
      <p class="confirm-text">${n("confirm.text")}</p>
      <ha-dialog-footer slot="footer">
        <ha-button slot="secondaryAction" appearance="plain" @click=${this._closeConfirmation}
          >${n("action.cancel")}</ha-button
        >
        <ha-button
          slot="primaryAction"
          autofocus
          @click=${()=>{this._closeConfirmation(),this._press(t,"markRenewed")}}
          >${n("action.mark_renewed")}</ha-button
        >
      </ha-dialog-footer>
    </ha-dialog>`}_closeConfirmation(){let t=this.renderRoot.querySelector("ha-dialog");t?t.open=!1:this._confirming=void 0}async _press(t,n){let i=t.entities[n];if(!i)return;await this._act(t,a=>a.callService("button","press",{},{entity_id:i},!1))&&n==="undoRenewal"&&v(this,"hass-notification",{message:this._t()("done.undone",{name:t.name})})}async _act(t,n){if(!this.hass)return!1;this._setError(t,void 0),this._busy=new Set([...this._busy,t.deviceId]);try{return await n(this.hass),!0}catch(i){let r=await this.hass.loadBackendTranslation("exceptions",y);return this._setError(t,this._t()("error.failed",{message:V(i,r)})),!1}finally{let i=new Set(this._busy);i.delete(t.deviceId),this._busy=i}}_recorded(t){let{line:n,expiryDate:i}=t.detail;this._setError(n,void 0),i&&this.hass&&v(this,"hass-notification",{message:this._t()("done.renewed",{name:n.name,date:U(i,this.hass.locale?.language??this.hass.language,{dateStyle:"medium"})})})}_setError(t,n){let i={...this._errors};n===void 0?delete i[t.deviceId]:i[t.deviceId]=n,this._errors=i}_moreInfo(t){let n=t.entities.daysLeft??t.entities.status;n&&v(this,"hass-more-info",{entityId:n})}};var tn=[{name:"title",selector:{text:{}}},{name:"lines",selector:{device:{multiple:!0,filter:{integration:we}}}},{name:"compact",selector:{boolean:{}}}],X=class extends g{static{this.properties={hass:{attribute:!1},_config:{state:!0}}}setConfig(e){this._config=Z(e)}render(){if(!this.hass||!this._config)return d;let e=A(this.hass.locale?.language??this.hass.language);return u`<ha-form
      .hass=${this.hass}
      .data=${{title:this._config.title??"",lines:this._config.lines??[],compact:this._config.compact??!1}}
      .schema=${tn}
      .computeLabel=${t=>e(`editor.${t.name}`)}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation(),this._config&&(this._config=je(this._config,e.detail.value),v(this,"config-changed",{config:this._config}))}};var nn=`component.${y}.config_subentries.renewal`,ee=class extends g{static{this.properties={hass:{attribute:!1},line:{attribute:!1},today:{attribute:!1},_schema:{state:!0},_data:{state:!0},_errors:{state:!0},_busy:{state:!0},_open:{state:!0}}}static{this.styles=mt}constructor(){super(),this._data={},this._errors={},this._busy=!1,this._open=!0}connectedCallback(){super.connectedCallback(),this._data={renewed_on:this.today},this._load()}async _load(){try{let[e,t,n]=await Promise.all([this.hass.callWS({type:`${y}/renewal_form`,device_id:this.line.deviceId}),this.hass.loadBackendTranslation("config_subentries",y),this.hass.loadBackendTranslation("exceptions",y)]);this._formText=t,this._exceptionText=n,this._schema=e.schema}catch(e){let t=V(e,this.hass.localize);this._errors={base:this._t()("error.form_unavailable",{message:t})}}}_t(){return A(this.hass.locale?.language??this.hass.language)}_form(e,t){return this._formText?.(`${nn}.${e}`,t)||void 0}render(){let e=this._t(),t=this.line.name,n=this._form("step.user.description",{name:t});return u`<ha-dialog
      .open=${this._open}
      header-title=${this._form("step.user.title",{name:t})??e("action.record_of",{name:t})}
      @closed=${this._closed}
    >
      ${n&&this._schema?u`<p class="description">${n}</p>`:d}
      ${this._schema?u`<ha-form
            .hass=${this.hass}
            .data=${this._data}
            .schema=${this._schema}
            .error=${this._errors}
            .disabled=${this._busy}
            .computeLabel=${i=>this._form(`step.user.data.${i.name}`)??i.name}
            .computeHelper=${i=>this._form(`step.user.data_description.${i.name}`)??""}
            .computeError=${i=>i}
            @value-changed=${i=>{this._data=i.detail.value}}
          ></ha-form>`:this._errors.base?u`<ha-alert alert-type="error">${this._errors.base}</ha-alert>`:u`<div class="loading"><ha-spinner></ha-spinner></div>`}
      <ha-dialog-footer slot="footer">
        <ha-button slot="secondaryAction" appearance="plain" @click=${this._close}
          >${e("action.cancel")}</ha-button
        >
        <ha-button
          slot="primaryAction"
          .loading=${this._busy}
          ?disabled=${!this._schema||this._busy}
          @click=${this._submit}
          >${e("action.submit")}</ha-button
        >
      </ha-dialog-footer>
    </ha-dialog>`}async _submit(){let e=(this._schema??[]).map(n=>n.name),t=Object.fromEntries(Object.entries(this._data).filter(([n,i])=>e.includes(n)&&i!==void 0&&i!==""));this._busy=!0,this._errors={};try{let i=(await this.hass.callService(y,"renew",{device_id:this.line.deviceId,...t},void 0,!1,!0)).response?.expiry_date;v(this,"esim-renewal-recorded",{line:this.line,expiryDate:typeof i=="string"?i:null}),this._close()}catch(n){let i=n,{field:r,key:a}=Ke(i,e),o=(a!==null?this._form(`error.${a}`):void 0)??V(i,this._exceptionText??this.hass.localize);this._errors={[r]:o}}finally{this._busy=!1}}_close(){this._open=!1}_closed(e){e.target===e.currentTarget&&(this._open=!1,v(this,"esim-renewal-dialog-closed"))}};for(let[s,e]of[[D,Q],[Y,X],[Be,ee]])customElements.get(s)||customElements.define(s,e);function _t(){let s=document.querySelector("home-assistant");return A(s?.hass?.locale?.language??s?.hass?.language??document.documentElement.lang)}window.customCards=window.customCards??[];window.customCards.some(s=>s.type===D)||window.customCards.push({type:D,get name(){return _t()("card.name")},get description(){return _t()("card.description")},preview:!0,documentationURL:"https://github.com/esim-renewal/esim_renewal#dashboard-card"});
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
lit-html/directive.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directives/style-map.js:
  (**
   * @license
   * Copyright 2018 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
