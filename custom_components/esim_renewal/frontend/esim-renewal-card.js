var V=globalThis,F=V.ShadowRoot&&(V.ShadyCSS===void 0||V.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,te=Symbol(),$e=new WeakMap,T=class{constructor(e,t,n){if(this._$cssResult$=!0,n!==te)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=t}get styleSheet(){let e=this.o,t=this.t;if(F&&e===void 0){let n=t!==void 0&&t.length===1;n&&(e=$e.get(t)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),n&&$e.set(t,e))}return e}toString(){return this.cssText}},ve=s=>new T(typeof s=="string"?s:s+"",void 0,te),B=(s,...e)=>{let t=s.length===1?s[0]:e.reduce((n,i,r)=>n+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(i)+s[r+1],s[0]);return new T(t,s,te)},xe=(s,e)=>{if(F)s.adoptedStyleSheets=e.map(t=>t instanceof CSSStyleSheet?t:t.styleSheet);else for(let t of e){let n=document.createElement("style"),i=V.litNonce;i!==void 0&&n.setAttribute("nonce",i),n.textContent=t.cssText,s.appendChild(n)}},ne=F?s=>s:s=>s instanceof CSSStyleSheet?(e=>{let t="";for(let n of e.cssRules)t+=n.cssText;return ve(t)})(s):s;var{is:gt,defineProperty:_t,getOwnPropertyDescriptor:yt,getOwnPropertyNames:wt,getOwnPropertySymbols:bt,getPrototypeOf:$t}=Object,j=globalThis,Ee=j.trustedTypes,vt=Ee?Ee.emptyScript:"",xt=j.reactiveElementPolyfillSupport,M=(s,e)=>s,se={toAttribute(s,e){switch(e){case Boolean:s=s?vt:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,e){let t=s;switch(e){case Boolean:t=s!==null;break;case Number:t=s===null?null:Number(s);break;case Object:case Array:try{t=JSON.parse(s)}catch{t=null}}return t}},Se=(s,e)=>!gt(s,e),Ae={attribute:!0,type:String,converter:se,reflect:!1,useDefault:!1,hasChanged:Se};Symbol.metadata??=Symbol("metadata"),j.litPropertyMetadata??=new WeakMap;var b=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,t=Ae){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(e,t),!t.noAccessor){let n=Symbol(),i=this.getPropertyDescriptor(e,n,t);i!==void 0&&_t(this.prototype,e,i)}}static getPropertyDescriptor(e,t,n){let{get:i,set:r}=yt(this.prototype,e)??{get(){return this[t]},set(a){this[t]=a}};return{get:i,set(a){let l=i?.call(this);r?.call(this,a),this.requestUpdate(e,l,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Ae}static _$Ei(){if(this.hasOwnProperty(M("elementProperties")))return;let e=$t(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(M("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(M("properties"))){let t=this.properties,n=[...wt(t),...bt(t)];for(let i of n)this.createProperty(i,t[i])}let e=this[Symbol.metadata];if(e!==null){let t=litPropertyMetadata.get(e);if(t!==void 0)for(let[n,i]of t)this.elementProperties.set(n,i)}this._$Eh=new Map;for(let[t,n]of this.elementProperties){let i=this._$Eu(t,n);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){let t=[];if(Array.isArray(e)){let n=new Set(e.flat(1/0).reverse());for(let i of n)t.unshift(ne(i))}else e!==void 0&&t.push(ne(e));return t}static _$Eu(e,t){let n=t.attribute;return n===!1?void 0:typeof n=="string"?n:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){let e=new Map,t=this.constructor.elementProperties;for(let n of t.keys())this.hasOwnProperty(n)&&(e.set(n,this[n]),delete this[n]);e.size>0&&(this._$Ep=e)}createRenderRoot(){let e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return xe(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,t,n){this._$AK(e,n)}_$ET(e,t){let n=this.constructor.elementProperties.get(e),i=this.constructor._$Eu(e,n);if(i!==void 0&&n.reflect===!0){let r=(n.converter?.toAttribute!==void 0?n.converter:se).toAttribute(t,n.type);this._$Em=e,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(e,t){let n=this.constructor,i=n._$Eh.get(e);if(i!==void 0&&this._$Em!==i){let r=n.getPropertyOptions(i),a=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:se;this._$Em=i;let l=a.fromAttribute(t,r.type);this[i]=l??this._$Ej?.get(i)??l,this._$Em=null}}requestUpdate(e,t,n,i=!1,r){if(e!==void 0){let a=this.constructor;if(i===!1&&(r=this[e]),n??=a.getPropertyOptions(e),!((n.hasChanged??Se)(r,t)||n.useDefault&&n.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,n))))return;this.C(e,t,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,t,{useDefault:n,reflect:i,wrapped:r},a){n&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??t??this[e]),r!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||n||(t=void 0),this._$AL.set(e,t)),i===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}let e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(let[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}let n=this.constructor.elementProperties;if(n.size>0)for(let[i,r]of n){let{wrapped:a}=r,l=this[i];a!==!0||this._$AL.has(i)||l===void 0||this.C(i,void 0,r,l)}}let e=!1,t=this._$AL;try{e=this.shouldUpdate(t),e?(this.willUpdate(t),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(t)):this._$EM()}catch(n){throw e=!1,this._$EM(),n}e&&this._$AE(t)}willUpdate(e){}_$AE(e){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(e){}firstUpdated(e){}};b.elementStyles=[],b.shadowRootOptions={mode:"open"},b[M("elementProperties")]=new Map,b[M("finalized")]=new Map,xt?.({ReactiveElement:b}),(j.reactiveElementVersions??=[]).push("2.1.2");var de=globalThis,ke=s=>s,W=de.trustedTypes,Ce=W?W.createPolicy("lit-html",{createHTML:s=>s}):void 0,De="$lit$",x=`lit$${Math.random().toFixed(9).slice(2)}$`,Ie="?"+x,Et=`<${Ie}>`,C=document,D=()=>C.createComment(""),I=s=>s===null||typeof s!="object"&&typeof s!="function",ue=Array.isArray,At=s=>ue(s)||typeof s?.[Symbol.iterator]=="function",ie=`[ 	
\f\r]`,O=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Le=/-->/g,Re=/>/g,S=RegExp(`>|${ie}(?:([^\\s"'>=/]+)(${ie}*=${ie}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Te=/'/g,Me=/"/g,Ne=/^(?:script|style|textarea|title)$/i,pe=s=>(e,...t)=>({_$litType$:s,strings:e,values:t}),h=pe(1),nn=pe(2),sn=pe(3),$=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),Oe=new WeakMap,k=C.createTreeWalker(C,129);function ze(s,e){if(!ue(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return Ce!==void 0?Ce.createHTML(e):e}var St=(s,e)=>{let t=s.length-1,n=[],i,r=e===2?"<svg>":e===3?"<math>":"",a=O;for(let l=0;l<t;l++){let o=s[l],c,u,p=-1,f=0;for(;f<o.length&&(a.lastIndex=f,u=a.exec(o),u!==null);)f=a.lastIndex,a===O?u[1]==="!--"?a=Le:u[1]!==void 0?a=Re:u[2]!==void 0?(Ne.test(u[2])&&(i=RegExp("</"+u[2],"g")),a=S):u[3]!==void 0&&(a=S):a===S?u[0]===">"?(a=i??O,p=-1):u[1]===void 0?p=-2:(p=a.lastIndex-u[2].length,c=u[1],a=u[3]===void 0?S:u[3]==='"'?Me:Te):a===Me||a===Te?a=S:a===Le||a===Re?a=O:(a=S,i=void 0);let m=a===S&&s[l+1].startsWith("/>")?" ":"";r+=a===O?o+Et:p>=0?(n.push(c),o.slice(0,p)+De+o.slice(p)+x+m):o+x+(p===-2?l:m)}return[ze(s,r+(s[t]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),n]},N=class s{constructor({strings:e,_$litType$:t},n){let i;this.parts=[];let r=0,a=0,l=e.length-1,o=this.parts,[c,u]=St(e,t);if(this.el=s.createElement(c,n),k.currentNode=this.el.content,t===2||t===3){let p=this.el.content.firstChild;p.replaceWith(...p.childNodes)}for(;(i=k.nextNode())!==null&&o.length<l;){if(i.nodeType===1){if(i.hasAttributes())for(let p of i.getAttributeNames())if(p.endsWith(De)){let f=u[a++],m=i.getAttribute(p).split(x),_=/([.?@])?(.*)/.exec(f);o.push({type:1,index:r,name:_[2],strings:m,ctor:_[1]==="."?ae:_[1]==="?"?oe:_[1]==="@"?le:R}),i.removeAttribute(p)}else p.startsWith(x)&&(o.push({type:6,index:r}),i.removeAttribute(p));if(Ne.test(i.tagName)){let p=i.textContent.split(x),f=p.length-1;if(f>0){i.textContent=W?W.emptyScript:"";for(let m=0;m<f;m++)i.append(p[m],D()),k.nextNode(),o.push({type:2,index:++r});i.append(p[f],D())}}}else if(i.nodeType===8)if(i.data===Ie)o.push({type:2,index:r});else{let p=-1;for(;(p=i.data.indexOf(x,p+1))!==-1;)o.push({type:7,index:r}),p+=x.length-1}r++}}static createElement(e,t){let n=C.createElement("template");return n.innerHTML=e,n}};function L(s,e,t=s,n){if(e===$)return e;let i=n!==void 0?t._$Co?.[n]:t._$Cl,r=I(e)?void 0:e._$litDirective$;return i?.constructor!==r&&(i?._$AO?.(!1),r===void 0?i=void 0:(i=new r(s),i._$AT(s,t,n)),n!==void 0?(t._$Co??=[])[n]=i:t._$Cl=i),i!==void 0&&(e=L(s,i._$AS(s,e.values),i,n)),e}var re=class{constructor(e,t){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=t}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){let{el:{content:t},parts:n}=this._$AD,i=(e?.creationScope??C).importNode(t,!0);k.currentNode=i;let r=k.nextNode(),a=0,l=0,o=n[0];for(;o!==void 0;){if(a===o.index){let c;o.type===2?c=new z(r,r.nextSibling,this,e):o.type===1?c=new o.ctor(r,o.name,o.strings,this,e):o.type===6&&(c=new ce(r,this,e)),this._$AV.push(c),o=n[++l]}a!==o?.index&&(r=k.nextNode(),a++)}return k.currentNode=C,i}p(e){let t=0;for(let n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(e,n,t),t+=n.strings.length-2):n._$AI(e[t])),t++}},z=class s{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,t,n,i){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=e,this._$AB=t,this._$AM=n,this.options=i,this._$Cv=i?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode,t=this._$AM;return t!==void 0&&e?.nodeType===11&&(e=t.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,t=this){e=L(this,e,t),I(e)?e===d||e==null||e===""?(this._$AH!==d&&this._$AR(),this._$AH=d):e!==this._$AH&&e!==$&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):At(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==d&&I(this._$AH)?this._$AA.nextSibling.data=e:this.T(C.createTextNode(e)),this._$AH=e}$(e){let{values:t,_$litType$:n}=e,i=typeof n=="number"?this._$AC(e):(n.el===void 0&&(n.el=N.createElement(ze(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===i)this._$AH.p(t);else{let r=new re(i,this),a=r.u(this.options);r.p(t),this.T(a),this._$AH=r}}_$AC(e){let t=Oe.get(e.strings);return t===void 0&&Oe.set(e.strings,t=new N(e)),t}k(e){ue(this._$AH)||(this._$AH=[],this._$AR());let t=this._$AH,n,i=0;for(let r of e)i===t.length?t.push(n=new s(this.O(D()),this.O(D()),this,this.options)):n=t[i],n._$AI(r),i++;i<t.length&&(this._$AR(n&&n._$AB.nextSibling,i),t.length=i)}_$AR(e=this._$AA.nextSibling,t){for(this._$AP?.(!1,!0,t);e!==this._$AB;){let n=ke(e).nextSibling;ke(e).remove(),e=n}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}},R=class{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,t,n,i,r){this.type=1,this._$AH=d,this._$AN=void 0,this.element=e,this.name=t,this._$AM=i,this.options=r,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=d}_$AI(e,t=this,n,i){let r=this.strings,a=!1;if(r===void 0)e=L(this,e,t,0),a=!I(e)||e!==this._$AH&&e!==$,a&&(this._$AH=e);else{let l=e,o,c;for(e=r[0],o=0;o<r.length-1;o++)c=L(this,l[n+o],t,o),c===$&&(c=this._$AH[o]),a||=!I(c)||c!==this._$AH[o],c===d?e=d:e!==d&&(e+=(c??"")+r[o+1]),this._$AH[o]=c}a&&!i&&this.j(e)}j(e){e===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}},ae=class extends R{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===d?void 0:e}},oe=class extends R{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==d)}},le=class extends R{constructor(e,t,n,i,r){super(e,t,n,i,r),this.type=5}_$AI(e,t=this){if((e=L(this,e,t,0)??d)===$)return;let n=this._$AH,i=e===d&&n!==d||e.capture!==n.capture||e.once!==n.once||e.passive!==n.passive,r=e!==d&&(n===d||i);i&&this.element.removeEventListener(this.name,this,n),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}},ce=class{constructor(e,t,n){this.element=e,this.type=6,this._$AN=void 0,this._$AM=t,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(e){L(this,e)}};var kt=de.litHtmlPolyfillSupport;kt?.(N,z),(de.litHtmlVersions??=[]).push("3.3.3");var He=(s,e,t)=>{let n=t?.renderBefore??e,i=n._$litPart$;if(i===void 0){let r=t?.renderBefore??null;n._$litPart$=i=new z(e.insertBefore(D(),r),r,void 0,t??{})}return i._$AI(s),i};var he=globalThis,g=class extends b{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){let e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){let t=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=He(t,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return $}};g._$litElement$=!0,g.finalized=!0,he.litElementHydrateSupport?.({LitElement:g});var Ct=he.litElementPolyfillSupport;Ct?.({LitElement:g});(he.litElementVersions??=[]).push("4.2.2");var Pe={ATTRIBUTE:1,CHILD:2,PROPERTY:3,BOOLEAN_ATTRIBUTE:4,EVENT:5,ELEMENT:6},Ue=s=>(...e)=>({_$litDirective$:s,values:e}),G=class{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,t,n){this._$Ct=e,this._$AM=t,this._$Ci=n}_$AS(e,t){return this.update(e,t)}update(e,t){return this.render(...t)}};var Ve="important",Lt=" !"+Ve,q=Ue(class extends G{constructor(s){if(super(s),s.type!==Pe.ATTRIBUTE||s.name!=="style"||s.strings?.length>2)throw Error("The `styleMap` directive must be used in the `style` attribute and must be the only part in the attribute.")}render(s){return Object.keys(s).reduce((e,t)=>{let n=s[t];return n==null?e:e+`${t=t.includes("-")?t:t.replace(/(?:^(webkit|moz|ms|o)|)(?=[A-Z])/g,"-$&").toLowerCase()}:${n};`},"")}update(s,[e]){let{style:t}=s.element;if(this.ft===void 0)return this.ft=new Set(Object.keys(e)),this.render(e);for(let n of this.ft)e[n]==null&&(this.ft.delete(n),n.includes("-")?t.removeProperty(n):t[n]=null);for(let n in e){let i=e[n];if(i!=null){this.ft.add(n);let r=typeof i=="string"&&i.endsWith(Lt);n.includes("-")||r?t.setProperty(n,r?i.slice(0,-11):i,r?Ve:""):t[n]=i}}return $}});var H="esim-renewal-card",Y="esim-renewal-card-editor",Fe="esim-renewal-dialog",Rt=`custom:${H}`,Tt=new Set(["type","title","lines","compact","grid_options","view_layout","visibility"]),w=class extends Error{constructor(t,n={}){super(t);this.key=t;this.values=n;this.name="ConfigError"}};function K(s){if(typeof s!="object"||s===null||Array.isArray(s))throw new w("config.not_an_object");let e=s;for(let t of Object.keys(e))if(!Tt.has(t))throw new w("config.unknown_option",{option:t});if(e.title!==void 0&&typeof e.title!="string")throw new w("config.title");if(e.compact!==void 0&&typeof e.compact!="boolean")throw new w("config.compact");if(e.lines!==void 0){let t=e.lines;if(!Array.isArray(t)||!t.every(i=>typeof i=="string"&&i!==""))throw new w("config.lines");let n=new Set;for(let i of t){if(n.has(i))throw new w("config.duplicate_line",{line:i});n.add(i)}}return e}function me(){return{type:Rt}}function Be(s,e){let t={...s};return delete t.title,delete t.lines,delete t.compact,e.title&&(t.title=e.title),e.lines&&e.lines.length>0&&(t.lines=[...e.lines]),e.compact&&(t.compact=!0),t}function je(s,e){let t=s.compact?2:4;return(s.title?1:0)+Math.max(1,e)*t}function We(s){return s.compact?{columns:6,min_columns:6}:{columns:12,min_columns:6}}function fe(s,e){let t=new Intl.DateTimeFormat("en-US",{timeZone:e,year:"numeric",month:"2-digit",day:"2-digit"}).formatToParts(typeof s=="string"?new Date(s):s),n=i=>t.find(r=>r.type===i)?.value??"";return`${n("year")}-${n("month")}-${n("day")}`}function ge(s,e){return s===void 0||Number.isNaN(Date.parse(s))?null:fe(s,e)}function Z(s){let[e,t,n]=s.split("-").map(Number);return Date.UTC(e,t-1,n)}function P(s,e){return new Date(Z(s)+e*864e5).toISOString().slice(0,10)}function E(s,e){return Math.round((Z(e)-Z(s))/864e5)}function J(s,e,t={month:"short",day:"numeric"}){return new Intl.DateTimeFormat(e,{...t,timeZone:"UTC"}).format(Z(s))}function v(s,e,t={}){s.dispatchEvent(new CustomEvent(e,{detail:t,bubbles:!0,composed:!0}))}var y="esim_renewal";function U(s,e){if(s.translation_domain===y&&s.translation_key){let t=e(`component.${y}.exceptions.${s.translation_key}.message`,s.translation_placeholders);if(t)return t}return s.message||String(s.code??"")}function Ge(s,e){let t=s.translation_placeholders?.field,n=t!==void 0&&e.includes(t)?t:"base",i=s.translation_domain===y&&s.translation_key?s.translation_key:null;return{field:n,key:i}}function _e(s,e){return e===null?s("days.unknown"):e>0?s("days.left",{count:e}):e===0?s("days.today"):s("days.lapsed",{count:-e})}function Ye(s,e,t,n){let i=r=>J(r,n);switch(e.kind){case"safe":return s(e.time==="past"?"timeline.was_safe":"timeline.safe",{date:i(e.to)});case"suspended":return e.to===null?s("timeline.suspended_open",{from:i(e.from)}):s("timeline.suspended",{from:i(e.from),to:i(e.to)});case"lost":{let r=e.from;return e.time==="future"?s("timeline.lost_in",{date:i(r),count:E(t,r)}):s("timeline.lost",{date:i(r)})}}}function qe(s,e,t){return`${new Intl.NumberFormat(t,{maximumFractionDigits:2}).format(s)} ${e}`}function Ke(s,e,t){switch(e.kind){case"unlimited":return s("data.unlimited");case"unknown":return s("data.unknown");case"amount":{let n=qe(e.remaining,e.unit,t);return e.total===null?s("data.left",{remaining:n}):s("data.of",{remaining:n,total:qe(e.total,e.unit,t)})}}}function Ze(s){return s.kind!=="amount"||s.total===null||s.total<=0?null:Math.min(1,Math.max(0,s.remaining/s.total))}function Je(s,e){if(s.cost===null)return null;if(s.currency===null)return new Intl.NumberFormat(e).format(s.cost);try{return new Intl.NumberFormat(e,{style:"currency",currency:s.currency}).format(s.cost)}catch{return`${new Intl.NumberFormat(e).format(s.cost)} ${s.currency}`}}function ye(s){return s.status===null?"unknown":s.status.replace("_","-")}var we="esim_renewal",Mt={daysLeft:"sensor.days_until_expiry",stopsWorking:"sensor.expiry",numberLost:"sensor.number_lost",status:"sensor.status",dataRemaining:"sensor.data_remaining",dataReading:"number.data_remaining",balance:"sensor.balance",lastRenewal:"sensor.last_renewal",markRenewed:"button.mark_renewed",undoRenewal:"button.undo_renewal"},Ot=["active","expiring_soon","expired","lost"],Dt=new Map(Object.entries(Mt).map(([s,e])=>[e,s])),Qe={B:1e-9,kB:1e-6,MB:.001,GB:1,TB:1e3,KiB:1024/1e9,MiB:1024**2/1e9,GiB:1024**3/1e9,TiB:1024**4/1e9};function Xe(s){let e=new Map;for(let t of Object.values(s)){if(t.platform!==we||!t.device_id||!t.translation_key)continue;let n=t.entity_id.split(".",1)[0],i=Dt.get(`${n}.${t.translation_key}`);if(i===void 0)continue;let r=e.get(t.device_id);r===void 0&&(r={},e.set(t.device_id,r)),r[i]=t.entity_id}return e}function et(s,e,t){return t!==void 0&&t.length>0?[...t]:[...s.keys()].filter(n=>e[n]!==void 0&&!e[n].disabled_by)}function tt(s){if(s===void 0||s.state.trim()==="")return null;let e=Number(s.state);return Number.isFinite(e)?e:null}function It(s,e){if(e.dataRemaining===void 0&&e.dataReading===void 0)return{kind:"unlimited"};let t=e.dataRemaining?s.states[e.dataRemaining]:void 0,n=tt(t);if(t===void 0||n===null)return{kind:"unknown"};let i=String(t.attributes.unit_of_measurement??"GB"),r=e.dataReading?s.states[e.dataReading]:void 0,a=Number(r?.attributes.max),l=String(r?.attributes.unit_of_measurement??"GB"),o=Qe[l]/Qe[i],c=r!==void 0&&Number.isFinite(a)&&Number.isFinite(o)?a*o:null;return{kind:"amount",remaining:n,unit:i,total:c}}function Nt(s){if(s===void 0||Number.isNaN(Date.parse(s.state)))return null;let[e]=s.attributes.recent_renewals??[];return{at:s.state,cost:e?.cost??null,currency:e?.currency??null}}function nt(s,e,t){let n=s.devices[e];if(n===void 0)return null;let i=o=>{let c=t[o];return c===void 0?void 0:s.states[c]},r=s.config.time_zone,a=ge(i("stopsWorking")?.state,r),l=i("status")?.state;return{deviceId:e,name:n.name_by_user||n.name||e,carrier:n.manufacturer,renewalUrl:n.configuration_url,status:l!==void 0&&Ot.includes(l)?l:null,daysLeft:tt(i("daysLeft")),lastSafeDay:a===null?null:P(a,-1),numberLostOn:ge(i("numberLost")?.state,r),data:It(s,t),lastRenewal:Nt(i("lastRenewal")),entities:t}}function zt(s,e){let t=s.daysLeft??Number.POSITIVE_INFINITY;switch(s.status){case"expired":return[0,s.numberLostOn===null?Number.POSITIVE_INFINITY:E(e,s.numberLostOn),t];case"expiring_soon":case"active":return[1,t,0];case"lost":return[2,-t,0];default:return[3,t,0]}}function st(s,e,t){let n=s.map(i=>({line:i,key:zt(i,e)}));return n.sort((i,r)=>{for(let a=0;a<i.key.length;a+=1)if(i.key[a]!==r.key[a])return i.key[a]<r.key[a]?-1:1;return i.line.name.localeCompare(r.line.name,t)}),n.map(({line:i})=>i)}function it(s){let e=new Set;for(let t of s)for(let n of Object.values(t))e.add(n);return e}function rt(s,e,t){for(let n of t)if(s[n]!==e[n])return!0;return!1}var at={card:{name:"eSIM lines",description:"Every eSIM Renewal line at a glance: days left, the road to losing the number, data, and renewing in one tap.",no_lines:"No eSIM Renewal lines yet. Add one in Settings → Devices & services.",missing_line:"A line picked for this card is gone. Pick the lines again in the card's settings.",open_line:"{name}: open details"},days:{left:{one:"{count} day left",other:"{count} days left"},today:"Last safe day today",lapsed:{one:"Lapsed {count} day ago",other:"Lapsed {count} days ago"},unknown:"Days left unknown"},timeline:{title:"Road to losing the number",safe:"Safe through {date}",was_safe:"Was safe through {date}",suspended:"Suspended {from} – {to}",suspended_open:"Suspended from {from}",lost:"Number lost {date}",lost_in:{one:"Number lost {date}, in {count} day",other:"Number lost {date}, in {count} days"},lost_unknown:"No known day for losing the number"},data:{label:"Data",unlimited:"Unlimited",unknown:"Unknown",of:"{remaining} of {total}",left:"{remaining} left"},wallet:{label:"Wallet"},renewal:{label:"Last renewal",never:"Not yet"},action:{mark_renewed:"Mark renewed",record:"Record renewal",undo:"Undo",renewal_page:"Renewal page",renewal_page_of:"Open the renewal page of {name}",mark_renewed_of:"Mark {name} renewed",record_of:"Record a renewal of {name}",undo_of:"Undo the last renewal of {name}",cancel:"Cancel",submit:"Record"},confirm:{title:"Mark {name} renewed?",text:"This records a renewal today, the line's usual way: it moves the last safe day as the line's rule says. Undo takes it back."},done:{renewed:"{name} is safe through {date}.",undone:"{name} is back as it was before its last renewal."},error:{failed:"That did not work: {message}",form_unavailable:"The renewal form could not be loaded: {message}"},editor:{title:"Title",lines:"Lines (all when empty)",compact:"Compact: one short row per line"},config:{not_an_object:"The card's configuration must be a mapping of options.",unknown_option:"Unknown option: {option}. The card takes title, lines and compact.",title:"title must be text.",lines:"lines must be a list of the lines' device ids.",duplicate_line:"lines names the device {line} twice.",compact:"compact must be true or false."}};var ot={card:{name:"eSIM 回線",description:"eSIM Renewal のすべての回線をひと目で：残り日数、番号を失うまでの道のり、データ、ワンタップで更新。",no_lines:"eSIM Renewal の回線はまだありません。「設定」→「デバイスとサービス」で追加してください。",missing_line:"このカードで選んだ回線がなくなりました。カードの設定で回線を選び直してください。",open_line:"{name}：詳細を開く"},days:{left:{other:"残り {count} 日"},today:"今日が最終安全日",lapsed:{other:"{count} 日前に期限切れ"},unknown:"残り日数は不明"},timeline:{title:"番号を失うまでの道のり",safe:"{date} まで安全",was_safe:"{date} まで安全でした",suspended:"{from}〜{to} 利用停止",suspended_open:"{from} から利用停止",lost:"{date} 番号喪失",lost_in:{other:"{date} 番号喪失（あと {count} 日）"},lost_unknown:"番号を失う日は不明"},data:{label:"データ",unlimited:"無制限",unknown:"不明",of:"{total} 中 {remaining}",left:"残り {remaining}"},wallet:{label:"残高"},renewal:{label:"最終更新",never:"まだありません"},action:{mark_renewed:"更新済みにする",record:"更新を記録",undo:"取り消す",renewal_page:"更新ページ",renewal_page_of:"{name} の更新ページを開く",mark_renewed_of:"{name} を更新済みにする",record_of:"{name} の更新を記録",undo_of:"{name} の最後の更新を取り消す",cancel:"キャンセル",submit:"記録"},confirm:{title:"{name} を更新済みにしますか？",text:"今日、この回線のいつもの方法で更新したと記録します。最終安全日は回線のルールどおりに進みます。「取り消す」で元に戻せます。"},done:{renewed:"{name} は {date} まで安全です。",undone:"{name} を最後の更新の前の状態に戻しました。"},error:{failed:"実行できませんでした：{message}",form_unavailable:"更新フォームを読み込めませんでした：{message}"},editor:{title:"タイトル",lines:"回線（空のときはすべて）",compact:"コンパクト：回線ごとに短い 1 行"},config:{not_an_object:"カードの設定はオプションのマッピングにしてください。",unknown_option:"不明なオプション：{option}。このカードが受け付けるのは title、lines、compact です。",title:"title は文字列にしてください。",lines:"lines は回線のデバイス ID のリストにしてください。",duplicate_line:"lines にデバイス {line} が 2 回あります。",compact:"compact は true か false にしてください。"}};var lt={card:{name:"eSIM 线路",description:"一眼看清 eSIM Renewal 的每条线路：剩余天数、失去号码前的每一步、流量，一键续费。",no_lines:"还没有 eSIM Renewal 线路。请在“设置”→“设备与服务”中添加。",missing_line:"此卡片选中的一条线路已不存在。请在卡片设置中重新选择线路。",open_line:"{name}：打开详情"},days:{left:{other:"剩余 {count} 天"},today:"今天是最后安全日",lapsed:{other:"已过期 {count} 天"},unknown:"剩余天数未知"},timeline:{title:"失去号码前的每一步",safe:"{date} 前安全",was_safe:"曾安全至 {date}",suspended:"{from} – {to} 停机",suspended_open:"{from} 起停机",lost:"{date} 号码被回收",lost_in:{other:"{date} 号码被回收（还有 {count} 天）"},lost_unknown:"号码回收日期未知"},data:{label:"流量",unlimited:"不限量",unknown:"未知",of:"{remaining} / {total}",left:"剩余 {remaining}"},wallet:{label:"余额"},renewal:{label:"上次续费",never:"暂无"},action:{mark_renewed:"标记为已续费",record:"记录续费",undo:"撤销",renewal_page:"续费页面",renewal_page_of:"打开 {name} 的续费页面",mark_renewed_of:"将 {name} 标记为已续费",record_of:"记录 {name} 的续费",undo_of:"撤销 {name} 的上次续费",cancel:"取消",submit:"记录"},confirm:{title:"将 {name} 标记为已续费？",text:"这会记录今天按此线路的常规方式续费：最后安全日按线路的规则顺延。“撤销”可以恢复。"},done:{renewed:"{name} 在 {date} 前安全。",undone:"{name} 已恢复到上次续费之前的状态。"},error:{failed:"操作未成功：{message}",form_unavailable:"无法加载续费表单：{message}"},editor:{title:"标题",lines:"线路（留空则显示全部）",compact:"紧凑：每条线路一行"},config:{not_an_object:"卡片配置必须是选项的映射。",unknown_option:"未知选项：{option}。此卡片只接受 title、lines 和 compact。",title:"title 必须是文本。",lines:"lines 必须是线路设备 ID 的列表。",duplicate_line:"lines 中设备 {line} 出现了两次。",compact:"compact 必须是 true 或 false。"}};var ct={en:at,ja:ot,"zh-Hans":lt};function Vt(s){let[e,t]=(s??"en").split("-");return e==="ja"?"ja":e==="zh"&&[void 0,"Hans","CN","SG"].includes(t)?"zh-Hans":"en"}function dt(s,e){let t=s;for(let n of e.split("."))t=typeof t=="object"?t[n]:void 0;return t}function ut(s,e,t){if(typeof s!="object")return s;let n=new Intl.PluralRules(e).select(t??0),i=s[n]??s.other;return typeof i=="string"?i:void 0}function Ft(s,e={}){return s.replace(/\{(\w+)\}/g,(t,n)=>n in e?String(e[n]):t)}function A(s){let e=Vt(s);return(t,n)=>{let i=typeof n?.count=="number"?n.count:void 0,r=ut(dt(ct[e],t),e,i)??ut(dt(ct.en,t),"en",i)??t;return Ft(r,n)}}var pt=B`
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
`,ht=B`
  .description {
    margin-top: 0;
    color: var(--secondary-text-color);
  }
  .loading {
    display: flex;
    justify-content: center;
    padding: var(--ha-space-6, 24px);
  }
`;var Bt=.08,jt=.12,Wt=.3,Gt=.15;function be(s,e,t){return t!==null&&s>t?"past":e!==null&&s<e?"future":"now"}function qt(s,e){if(s.to===null)return null;let t=s.from!==null&&s.from>e?s.from:e;return E(t,s.to)+1}function Yt(s,e,t){if(e.length===0)return[];let n=e.some(c=>c>0)?e:e.map(()=>1),i=Math.min(t,s/n.length),r=n.reduce((c,u)=>c+u,0),a=n.map(c=>s*c/r<i),l=a.filter(Boolean).length*i,o=n.reduce((c,u,p)=>a[p]?c:c+u,0);return n.map((c,u)=>a[u]?i:(s-l)*c/o)}function mt(s,e,t){let n=P(e,1),i=[{kind:"safe",from:null,to:e,time:be(s,null,e)}];if(t===null||t>n){let m=t===null?null:P(t,-1);i.push({kind:"suspended",from:n,to:m,time:be(s,n,m)})}t!==null&&i.push({kind:"lost",from:t,to:null,time:be(s,t,null)});let r=i.map(m=>m.time==="past"?Bt:m.kind==="lost"?m.time==="now"?null:jt:m.to===null?m.time==="now"?null:Wt:null),a=r.flatMap((m,_)=>m===null?[_]:[]),l=1-r.reduce((m,_)=>m+(_??0),0),o=a.map(m=>qt(i[m],s)??1),c=Yt(l,o,Gt),u=i.map((m,_)=>({...m,share:r[_]??c[a.indexOf(_)]})),p=0,f=0;for(let m of u)m.time==="now"&&(f=p+m.share*Kt(m,s)),p+=m.share;return{stages:u,today:f}}function Kt(s,e){if(s.kind==="safe")return 0;if(s.from===null||s.to===null)return .5;let t=E(s.from,s.to)+1;return E(s.from,e)/t}var Q=class extends g{constructor(){super();this._watched=new Set;this._errors={},this._busy=new Set}static{this.properties={hass:{attribute:!1},_config:{state:!0},_errors:{state:!0},_busy:{state:!0},_confirming:{state:!0},_recording:{state:!0}}}static{this.styles=pt}static getConfigElement(){return document.createElement(Y)}static getStubConfig(){return me()}setConfig(t){try{this._config=K(t)}catch(n){throw n instanceof w?new Error(this._t()(n.key,n.values)):n}}getCardSize(){if(!this._config)return 1;let t=this.hass?this._shown().length:this._config.lines?.length??1;return je(this._config,t)}getGridOptions(){return We(this._config??me())}_t(){return A(this.hass?.locale?.language??this.hass?.language??document.documentElement.lang)}_shown(){if(!this.hass||!this._config)return[];let{entities:t,devices:n}=this.hass;(this._registry?.entities!==t||this._registry.devices!==n)&&(this._registry={entities:t,devices:n,lines:Xe(t)});let{lines:i}=this._registry,r=et(i,n,this._config.lines).map(a=>({deviceId:a,entities:i.get(a)}));return this._watched=it(r.flatMap(({entities:a})=>a?[a]:[])),r}shouldUpdate(t){if(!this._config||!this.hass)return!1;let n=t.get("hass");return t.size>1||n===void 0||n.entities!==this.hass.entities||n.devices!==this.hass.devices||n.locale!==this.hass.locale||n.language!==this.hass.language||n.config!==this.hass.config?!0:rt(n.states,this.hass.states,this._watched)}render(){if(!this._config||!this.hass)return d;let t=this.hass,n=this._t(),i=t.locale?.language??t.language,r=fe(new Date,t.config.time_zone),a=this._shown(),l=a.map(({deviceId:u,entities:p})=>p?nt(t,u,p):null),o=st(l.filter(u=>u!==null),r,i),c=l.length-o.length;return h`
      <ha-card .header=${this._config.title}>
        <div class="lines ${this._config.compact?"compact":""}">
          ${o.map(u=>this._config?.compact?this._renderCompact(u,n,r,i):this._renderLine(u,n,r,i))}
          ${a.length===0?h`<p class="empty">${n("card.no_lines")}</p>`:d}
          ${c>0?h`<ha-alert alert-type="warning">${n("card.missing_line")}</ha-alert>`:d}
        </div>
      </ha-card>
      ${this._confirming?this._renderConfirmation(this._confirming,n):d}
      ${this._recording?h`<esim-renewal-dialog
            .hass=${t}
            .line=${this._recording}
            .today=${r}
            @esim-renewal-recorded=${this._recorded}
            @esim-renewal-dialog-closed=${()=>{this._recording=void 0}}
          ></esim-renewal-dialog>`:d}
    `}_renderLine(t,n,i,r){let a=this._busy.has(t.deviceId);return h`
      <section class="line ${ye(t)}" role="group" aria-label=${t.name}>
        ${this._renderHead(t,n)} ${this._renderRoad(t,n,i,r)}
        <dl class="facts">
          <div class="fact">
            <dt>${n("data.label")}</dt>
            <dd>${this._renderData(t,n,r)}</dd>
          </div>
          ${t.entities.balance&&this.hass?.states[t.entities.balance]?h`<div class="fact">
                <dt>${n("wallet.label")}</dt>
                <dd>${this.hass.formatEntityState(this.hass.states[t.entities.balance])}</dd>
              </div>`:d}
          <div class="fact">
            <dt>${n("renewal.label")}</dt>
            <dd>${this._renderLastRenewal(t,n,r)}</dd>
          </div>
        </dl>
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
          ${t.renewalUrl?h`<ha-button
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
    `}_renderCompact(t,n,i,r){let a=this._busy.has(t.deviceId),l=t.entities.status?this.hass?.states[t.entities.status]:void 0;return h`
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
                ${l&&t.status?h`<span class="status">${this.hass?.formatEntityState(l)}</span>`:d}
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
    `}_renderHead(t,n){let i=t.entities.status?this.hass?.states[t.entities.status]:void 0;return h`
      <button
        class="head"
        aria-haspopup="dialog"
        title=${n("card.open_line",{name:t.name})}
        @click=${()=>this._moreInfo(t)}
      >
        <span class="badge"><ha-icon icon="mdi:sim"></ha-icon></span>
        <span class="who">
          <span class="name">${t.name}</span>
          ${t.carrier?h`<span class="carrier">${t.carrier}</span>`:d}
        </span>
        <span class="standing">
          <span class="days">${_e(n,t.daysLeft)}</span>
          ${i&&t.status?h`<span class="status">${this.hass?.formatEntityState(i)}</span>`:d}
        </span>
      </button>
    `}_renderRoad(t,n,i,r){if(t.lastSafeDay===null)return d;let a=mt(i,t.lastSafeDay,t.numberLostOn);return h`
      <div class="road" aria-hidden="true">
        ${a.stages.map(l=>h`<span
              class="stage ${l.kind} ${l.time}"
              style=${q({flexGrow:String(l.share)})}
            ></span>`)}
        <span class="today" style=${q({left:`${(a.today*100).toFixed(2)}%`})}></span>
      </div>
      <ul class="legend" aria-label=${n("timeline.title")}>
        ${a.stages.map(l=>h`<li class="${l.kind} ${l.time}">
              ${Ye(n,l,i,r)}
            </li>`)}
        ${t.numberLostOn===null?h`<li class="unknown">${n("timeline.lost_unknown")}</li>`:d}
      </ul>
    `}_renderData(t,n,i){let r=Ze(t.data),a=Ke(n,t.data,i);return r===null?h`${a}`:h`<span
        class="meter"
        role="meter"
        aria-label=${n("data.label")}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(r*100)}
        aria-valuetext=${a}
        ><span style=${q({width:`${(r*100).toFixed(1)}%`})}></span></span
      >${a}`}_renderLastRenewal(t,n,i){if(t.lastRenewal===null||!this.hass)return h`${n("renewal.never")}`;let r=Je(t.lastRenewal,i),a=h`<ha-relative-time
      .hass=${this.hass}
      .datetime=${t.lastRenewal.at}
      capitalize
    ></ha-relative-time>`;return r===null?a:h`${a}<span class="cost">${r}</span>`}_renderError(t){let n=this._errors[t.deviceId];return n?h`<ha-alert
      alert-type="error"
      dismissable
      @alert-dismissed-clicked=${()=>this._setError(t,void 0)}
      >${n}</ha-alert
    >`:d}_renderConfirmation(t,n){return h`<ha-dialog
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
    </ha-dialog>`}_closeConfirmation(){let t=this.renderRoot.querySelector("ha-dialog");t?t.open=!1:this._confirming=void 0}async _press(t,n){let i=t.entities[n];if(!(!this.hass||!i)){this._setError(t,void 0),this._busy=new Set([...this._busy,t.deviceId]);try{await this.hass.callService("button","press",{},{entity_id:i},!1),n==="undoRenewal"&&v(this,"hass-notification",{message:this._t()("done.undone",{name:t.name})})}catch(r){let a=await this.hass.loadBackendTranslation("exceptions",y);this._setError(t,this._t()("error.failed",{message:U(r,a)}))}finally{let r=new Set(this._busy);r.delete(t.deviceId),this._busy=r}}}_recorded(t){let{line:n,expiryDate:i}=t.detail;this._setError(n,void 0),i&&this.hass&&v(this,"hass-notification",{message:this._t()("done.renewed",{name:n.name,date:J(i,this.hass.locale?.language??this.hass.language,{dateStyle:"medium"})})})}_setError(t,n){let i={...this._errors};n===void 0?delete i[t.deviceId]:i[t.deviceId]=n,this._errors=i}_moreInfo(t){let n=t.entities.daysLeft??t.entities.status;n&&v(this,"hass-more-info",{entityId:n})}};var Zt=[{name:"title",selector:{text:{}}},{name:"lines",selector:{device:{multiple:!0,filter:{integration:we}}}},{name:"compact",selector:{boolean:{}}}],X=class extends g{static{this.properties={hass:{attribute:!1},_config:{state:!0}}}setConfig(e){this._config=K(e)}render(){if(!this.hass||!this._config)return d;let e=A(this.hass.locale?.language??this.hass.language);return h`<ha-form
      .hass=${this.hass}
      .data=${{title:this._config.title??"",lines:this._config.lines??[],compact:this._config.compact??!1}}
      .schema=${Zt}
      .computeLabel=${t=>e(`editor.${t.name}`)}
      @value-changed=${this._changed}
    ></ha-form>`}_changed(e){e.stopPropagation(),this._config&&(this._config=Be(this._config,e.detail.value),v(this,"config-changed",{config:this._config}))}};var Jt=`component.${y}.config_subentries.renewal`,ee=class extends g{static{this.properties={hass:{attribute:!1},line:{attribute:!1},today:{attribute:!1},_schema:{state:!0},_data:{state:!0},_errors:{state:!0},_busy:{state:!0},_open:{state:!0}}}static{this.styles=ht}constructor(){super(),this._data={},this._errors={},this._busy=!1,this._open=!0}connectedCallback(){super.connectedCallback(),this._data={renewed_on:this.today},this._load()}async _load(){try{let[e,t,n]=await Promise.all([this.hass.callWS({type:`${y}/renewal_form`,device_id:this.line.deviceId}),this.hass.loadBackendTranslation("config_subentries",y),this.hass.loadBackendTranslation("exceptions",y)]);this._formText=t,this._exceptionText=n,this._schema=e.schema}catch(e){let t=U(e,this.hass.localize);this._errors={base:this._t()("error.form_unavailable",{message:t})}}}_t(){return A(this.hass.locale?.language??this.hass.language)}_form(e,t){return this._formText?.(`${Jt}.${e}`,t)||void 0}render(){let e=this._t(),t=this.line.name,n=this._form("step.user.description",{name:t});return h`<ha-dialog
      .open=${this._open}
      header-title=${this._form("step.user.title",{name:t})??e("action.record_of",{name:t})}
      @closed=${this._closed}
    >
      ${n&&this._schema?h`<p class="description">${n}</p>`:d}
      ${this._schema?h`<ha-form
            .hass=${this.hass}
            .data=${this._data}
            .schema=${this._schema}
            .error=${this._errors}
            .disabled=${this._busy}
            .computeLabel=${i=>this._form(`step.user.data.${i.name}`)??i.name}
            .computeHelper=${i=>this._form(`step.user.data_description.${i.name}`)??""}
            .computeError=${i=>i}
            @value-changed=${i=>{this._data=i.detail.value}}
          ></ha-form>`:this._errors.base?h`<ha-alert alert-type="error">${this._errors.base}</ha-alert>`:h`<div class="loading"><ha-spinner></ha-spinner></div>`}
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
    </ha-dialog>`}async _submit(){let e=(this._schema??[]).map(n=>n.name),t=Object.fromEntries(Object.entries(this._data).filter(([n,i])=>e.includes(n)&&i!==void 0&&i!==""));this._busy=!0,this._errors={};try{let i=(await this.hass.callService(y,"renew",{device_id:this.line.deviceId,...t},void 0,!1,!0)).response?.expiry_date;v(this,"esim-renewal-recorded",{line:this.line,expiryDate:typeof i=="string"?i:null}),this._close()}catch(n){let i=n,{field:r,key:a}=Ge(i,e),l=(a!==null?this._form(`error.${a}`):void 0)??U(i,this._exceptionText??this.hass.localize);this._errors={[r]:l}}finally{this._busy=!1}}_close(){this._open=!1}_closed(e){e.target===e.currentTarget&&(this._open=!1,v(this,"esim-renewal-dialog-closed"))}};for(let[s,e]of[[H,Q],[Y,X],[Fe,ee]])customElements.get(s)||customElements.define(s,e);function ft(){let s=document.querySelector("home-assistant");return A(s?.hass?.locale?.language??s?.hass?.language??document.documentElement.lang)}window.customCards=window.customCards??[];window.customCards.some(s=>s.type===H)||window.customCards.push({type:H,get name(){return ft()("card.name")},get description(){return ft()("card.description")},preview:!0,documentationURL:"https://github.com/esim-renewal/esim_renewal#dashboard-card"});
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
