<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ItemCommands</name>
    <message>
        <source>Edit Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Curriculum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>News</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulletin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxonomy term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curricula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathways</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulletins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taxonomy terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Career stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta: edit health-education content offline and sync it with the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this replica file instead of an account&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this item in a tab (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window to this PNG file once loaded, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1440x900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WxH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the replica %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot needs --replica FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size must look like 1440x900</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsent changes can be saved: run `carta-cli --replica %1 recover`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this replica belongs to %1 on %2, not %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::AccountCheck</name>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this token (HTTP %1). Check it, or ask an administrator for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer like a Carta server (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::FacetModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln item(s)</source>
        <translation>
            <numerusform>%1, %Ln item</numerusform>
            <numerusform>%1, %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::ItemEditor</name>
    <message>
        <source>New item: saved on this computer once you change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice about this item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other problems to fix before review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words-joined-by-hyphens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow actions (submit for review, approve, publish) are not in this version of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;lug:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>term slugs, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the slugs of taxonomy terms, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a text paragraph after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected paragraph up (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected paragraph down (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Paragraph Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with the selected paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1. Your changes are still here; Carta tries again after your next change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was also changed by a sync while you edited it; where both changed the same text, your version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Changes From the Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes From the Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated with changes from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item conflicts with a change on the server. Your version is shown and kept; resolving conflicts in the app is not available yet (use “carta-cli resolve”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is deleted on this computer; the deletion is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the last version of this item:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix before review (a draft is saved anyway):
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a paragraph to edit it, or add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 (%2), &amp;Markdown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 (%2), te&amp;xt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 refers to another item; editing references is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraph %1 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <comment>form label</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item was deleted on the server. If you change it, it is created again with your version when you next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::ItemListModel</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted, not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::MainWindow</name>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save now (Carta also saves a second after every change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1” on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Carta&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;The editorial workstation for national health-education content. Your work is saved on this computer as you type and sent to the server when you sync.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, summaries and text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of items found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an item from the list (Enter or double-click), or create one with File ▸ New.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token not in a keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes and receive everyone else&apos;s (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent</source>
        <translation>
            <numerusform>%Ln change not sent</numerusform>
            <numerusform>%Ln changes not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>Your changes are saved on this computer; syncing sends them to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That item is no longer in the replica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the item: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” stays open because it could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These items could not be saved on this computer:
%1

Close anyway and lose those changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replica is not connected to a server yet: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carta needs your token to sync: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synced: sent %Ln change(s)</source>
        <translation>
            <numerusform>Synced: sent %Ln change</numerusform>
            <numerusform>Synced: sent %Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %Ln.</source>
        <translation>
            <numerusform>received %Ln.</numerusform>
            <numerusform>received %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server refused %Ln change(s); see My drafts.</source>
        <translation>
            <numerusform>The server refused %Ln change; see My drafts.</numerusform>
            <numerusform>The server refused %Ln changes; see My drafts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) in conflict: see Conflicts.</source>
        <translation>
            <numerusform>%Ln item in conflict: see Conflicts.</numerusform>
            <numerusform>%Ln items in conflict: see Conflicts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync did not finish: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::NavigationModel</name>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items you changed that are not yet sent to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items changed here and on the server in ways that need you to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln item(s)</source>
        <translation>
            <numerusform>%1, %Ln item</numerusform>
            <numerusform>%1, %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>carta::app::ParagraphListModel</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::SignInDialog</name>
    <message>
        <source>Sign In to Carta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in once with the token your administrator gave you. After the first sync you can work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://carta.example.nhs.uk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firstname.lastname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://carta.example.nhs.uk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token belongs to “%1”, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in. Saving your token…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carta::app::TokenStore</name>
    <message>
        <source>the keychain is switched off (CARTA_KEYCHAIN=off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Your token is kept only until Carta closes; you will be asked for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it did not answer within %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
