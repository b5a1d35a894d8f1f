-- Edits made in the DIDTron UI after the last apply.
UPDATE carriers SET name = 'Acme Telecom: "Ltd" #1', customer_credit_limit = 7500.5,
       capacity_limit = 150, tax_code = NULL, supplier_account_number = '0042',
       bill_to = E'Acme Telecom Ltd\n1 Example Street\nLondon'
 WHERE code = 'ACME';
UPDATE carrier_contacts SET email = 'noc-24x7@acme.example' WHERE name = 'NOC';
INSERT INTO carrier_contacts (carrier_id, name, telephone, email)
  SELECT id, 'Rates Desk', '+44 20 7946 0123', 'rates@acme.example' FROM carriers WHERE code = 'ACME';
DELETE FROM carrier_credit_alerts WHERE alert_type = 'high_balance';
UPDATE carrier_credit_alerts SET threshold = 750, recipients = '["billing@acme.example", "noc@acme.example"]' WHERE alert_type = 'low_balance';
UPDATE interconnect_codecs SET display_order = 1 - display_order WHERE codec_name IN ('PCMA', 'G729');
UPDATE interconnect_codecs SET ptime = 30 WHERE codec_name = 'G729';
INSERT INTO interconnect_ip_addresses (interconnect_id, ip_address, address_type)
  SELECT id, '192.0.2.11', 'media' FROM carrier_interconnects WHERE name = 'lon-1';
UPDATE interconnect_signalling_settings SET session_timer_interval = 900, "100rel_enabled" = true;
UPDATE interconnect_media_settings SET rtp_timeout = NULL, media_relay = 'always';
UPDATE carrier_services SET priority = 2, weight = 50;
