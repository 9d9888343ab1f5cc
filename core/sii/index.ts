export { parseRcvSales, isRcvSalesHeader, rcvDate, RCV_SALES_COLUMNS, type RcvSalesFile, type RcvFacts, type RcvOtherTax } from './rcvSales';
export { parseDteXml, decodeDteXml, declaredXmlEncoding, SII_DTE_NAMESPACE, DTE_XML_MAX_BYTES } from './dteXml';
