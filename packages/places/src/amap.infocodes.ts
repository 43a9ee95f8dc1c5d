/**
 * AMap Web service status codes (高德 Web服务 API「状态码说明」): every answer
 * carries status "1"/"0", info (the name below) and infocode. What we do with
 * each: answer from the offline geocoder this time, and for codes that will
 * keep failing, stop asking AMap for a while so the quota is not burnt.
 */
export type AmapAction =
  /** A passing failure: fall back this time only. */
  | 'fallback'
  /** QPS exceeded: only the excess is refused, so back off for a second. */
  | 'pause-second'
  /** ACCESS_TOO_FREQUENT: suspended until the next minute. */
  | 'pause-minute'
  /** Daily quota spent: suspended until 00:00 China time. */
  | 'pause-until-midnight'
  /** Key, account or configuration problem that needs a person: ask again only after a long pause. */
  | 'pause-long';

export interface AmapInfocode {
  info: string;
  meaning: string;
  action: AmapAction;
}

/** infocode, info, what we do, meaning: AMap's table, one code a line. */
const TABLE = `
10001 INVALID_USER_KEY               pause-long           key 不正确或过期
10002 SERVICE_NOT_AVAILABLE          pause-long           没有权限使用相应的服务或接口路径拼写错误
10003 DAILY_QUERY_OVER_LIMIT         pause-until-midnight 访问已超出日访问量，次日 0:00 自动解封
10004 ACCESS_TOO_FREQUENT            pause-minute         单位时间（1 分钟）内访问过于频繁，下一分钟解封
10005 INVALID_USER_IP                pause-long           IP 白名单出错，发送请求的服务器 IP 不在白名单内
10006 INVALID_USER_DOMAIN            pause-long           绑定域名无效
10007 INVALID_USER_SIGNATURE         pause-long           数字签名未通过验证
10008 INVALID_USER_SCODE             pause-long           MD5 安全码未通过验证
10009 USERKEY_PLAT_NOMATCH           pause-long           请求 key 与绑定平台不符（需要 Web服务 key）
10010 IP_QUERY_OVER_LIMIT            pause-long           IP 访问超限，封停后不会自动恢复
10011 NOT_SUPPORT_HTTPS              pause-long           服务不支持 https 请求
10012 INSUFFICIENT_PRIVILEGES        pause-long           权限不足，服务请求被拒绝
10013 USER_KEY_RECYCLED              pause-long           key 已被删除
10014 QPS_HAS_EXCEEDED_THE_LIMIT     pause-second         云图服务 QPS 超限
10015 GATEWAY_TIMEOUT                pause-second         受单机 QPS 限流限制
10016 SERVER_IS_BUSY                 pause-second         服务器负载过高
10017 RESOURCE_UNAVAILABLE           fallback             所请求的资源不可用
10019 CQPS_HAS_EXCEEDED_THE_LIMIT    pause-second         使用的某个服务总 QPS 超限
10020 CKQPS_HAS_EXCEEDED_THE_LIMIT   pause-second         某个 key 使用某个服务接口 QPS 超出限制
10021 CUQPS_HAS_EXCEEDED_THE_LIMIT   pause-second         账号使用某个服务接口 QPS 超出限制
10026 INVALID_REQUEST                pause-long           账号处于被封禁状态
10029 ABROAD_DAILY_QUERY_OVER_LIMIT  fallback             海外服务日调用量超出限制
10041 NO_EFFECTIVE_INTERFACE         pause-long           请求的接口权限过期
10044 USER_DAILY_QUERY_OVER_LIMIT    pause-until-midnight 账号维度日调用量超出限制
20000 INVALID_PARAMS                 fallback             请求参数非法
20001 MISSING_REQUIRED_PARAMS        fallback             缺少必填参数
20002 ILLEGAL_REQUEST                fallback             请求协议非法
20003 UNKNOWN_ERROR                  fallback             其他未知错误
20011 INSUFFICIENT_ABROAD_PRIVILEGES fallback             查询坐标在海外，但没有海外地图权限
20012 ILLEGAL_CONTENT                fallback             查询信息存在非法内容
20800 OUT_OF_SERVICE                 fallback             坐标不在中国陆地范围内
`;

const ACTIONS: ReadonlySet<string> = new Set<AmapAction>([
  'fallback',
  'pause-second',
  'pause-minute',
  'pause-until-midnight',
  'pause-long',
]);

export const AMAP_INFOCODES: Readonly<Record<string, AmapInfocode>> = Object.fromEntries(
  TABLE.trim()
    .split('\n')
    .map((line) => {
      const [code, info, action, ...meaning] = line.split(/\s+/);
      if (!code || !info || !action || !ACTIONS.has(action)) throw new Error(`bad infocode line: ${line}`);
      return [code, { info, action: action as AmapAction, meaning: meaning.join(' ') }];
    }),
);

/** 3xxxx are engine errors (ENGINE_RESPONSE_DATA_ERROR); any code not listed is a passing failure. */
export function amapInfocode(code: string): AmapInfocode {
  return (
    AMAP_INFOCODES[code] ?? {
      info: code.startsWith('3') ? 'ENGINE_RESPONSE_DATA_ERROR' : 'UNKNOWN',
      meaning: code.startsWith('3') ? '服务响应失败（引擎返回数据异常）' : '未列出的状态码',
      action: 'fallback',
    }
  );
}
