"""Dialogs: payment, manager approval, void and refund, quick-add customer."""
