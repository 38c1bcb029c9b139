"""Constants for the eSIM Renewal integration."""

import logging
from typing import Final

DOMAIN: Final = "esim_renewal"
LOGGER = logging.getLogger(__package__)

# Config entry data: the line as the user described it.
CONF_CARRIER: Final = "carrier"
CONF_PHONE_NUMBER: Final = "phone_number"
CONF_RENEWAL_URL: Final = "renewal_url"
CONF_VALIDITY: Final = "validity"
CONF_EXPIRY_DATE: Final = "expiry_date"
CONF_LAST_RENEWAL: Final = "last_renewal"
CONF_VALIDITY_DAYS: Final = "validity_days"
CONF_BILLING_DAY: Final = "billing_day"
CONF_PACK_DAYS: Final = "pack_days"
CONF_VALIDITY_MONTHS: Final = "validity_months"
CONF_MAX_VALIDITY_DAYS: Final = "max_validity_days"
CONF_BALANCE: Final = "balance"
CONF_FEE: Final = "fee"
CONF_FEE_PERIOD_DAYS: Final = "fee_period_days"
CONF_CURRENCY: Final = "currency"
CONF_GRACE_DAYS: Final = "grace_days"
CONF_DATA_TOTAL_GB: Final = "data_total_gb"
CONF_DATA_REMAINING_GB: Final = "data_remaining_gb"
CONF_UNLIMITED_DATA: Final = "unlimited_data"

# Config entry options: when to remind.
CONF_REMINDER_DAYS: Final = "reminder_days"
CONF_REMINDER_TIME: Final = "reminder_time"
CONF_DATA_LOW_GB: Final = "data_low_gb"
# ... and which entities the line follows.
CONF_DATA_REMAINING_ENTITY: Final = "data_remaining_entity"
CONF_DATA_USAGE_ENTITIES: Final = "data_usage_entities"
CONF_EXPIRY_ENTITY: Final = "expiry_entity"
CONF_ACTIVITY_ENTITIES: Final = "activity_entities"

# Run-time state lives in one store file per line.
# 1.1: expiry, last renewal and data. 1.2: adds the renewal history.
# 1.3: adds the reminder log. 1.4: adds the pack end, the wallet and what
# undoes the last renewal. 1.5: adds what the line last took from each linked
# source. 1.6: adds spending by year and the uses, and keeps undo as steps.
# 1.7: adds the chosen plan and the renewal waiting for its sources.
STORAGE_VERSION: Final = 1
STORAGE_MINOR_VERSION: Final = 7
SAVE_DELAY: Final = 10

# Actions and their fields.
SERVICE_RENEW: Final = "renew"
SERVICE_SET_DATA: Final = "set_data"
SERVICE_UNDO_RENEWAL: Final = "undo_renewal"
ATTR_RENEWED_ON: Final = "renewed_on"
ATTR_EXPIRY_DATE: Final = "expiry_date"
ATTR_VALIDITY_DAYS: Final = "validity_days"
ATTR_PACK_DAYS: Final = "pack_days"
ATTR_AMOUNT: Final = "amount"
ATTR_DATA_TOTAL_GB: Final = "data_total_gb"
ATTR_DATA_REMAINING_GB: Final = "data_remaining_gb"
ATTR_DATA_USED_GB: Final = "data_used_gb"
ATTR_COST: Final = "cost"
ATTR_CURRENCY: Final = "currency"
ATTR_PLAN: Final = "plan"

# Config subentries: the plans of a line, and the form that records a renewal.
SUBENTRY_PLAN: Final = "plan"
SUBENTRY_RENEWAL: Final = "renewal"

# Reminders reach automations as this bus event; renewals and their undo reach
# the logbook as these.
EVENT_REMINDER: Final = f"{DOMAIN}_reminder"
EVENT_RENEWED: Final = f"{DOMAIN}_renewed"
EVENT_RENEWAL_UNDONE: Final = f"{DOMAIN}_renewal_undone"
